# exc: context chains build up across multiple handlers
def chain():
    try:
        try:
            try:
                raise ValueError(1)
            except ValueError:
                raise TypeError(2)
        except TypeError:
            raise KeyError(3)
    except KeyError as e:
        c = e
        names = []
        while c is not None:
            names.append(type(c).__name__ + str(c.args))
            c = c.__context__
        return names
print(chain())
def self_context():
    try:
        raise ValueError('x')
    except ValueError as e:
        try:
            raise e
        except ValueError as e2:
            return e2.__context__ is None, e is e2
print(self_context())
