# class: instances, attributes, methods, class attributes vs instance attributes
class Dog:
    species = 'canis'
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def speak(self):
        return f'{self.name} says woof'
a, b = Dog('rex'), Dog('fido')
print(a.speak(), b.name, a.species, Dog.count, a.count)
a.species = 'wolf'
print(a.species, b.species, Dog.species, 'species' in a.__dict__, a.__dict__)
Dog.species = 'lupus'
print(a.species, b.species)
del a.species
print(a.species)
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), Dog.__name__, Dog.__qualname__, Dog.__module__)
print(sorted(k for k in Dog.__dict__ if not k.startswith('__')))
b.trick = 'roll'
print(b.trick, hasattr(a, 'trick'), getattr(a, 'trick', 'none'))
