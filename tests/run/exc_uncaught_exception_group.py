# exc: uncaught ExceptionGroup prints the nested tree format
def run_all():
    errors = []
    for i, v in enumerate(['1', 'x', '3', 'y']):
        try:
            int(v)
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup('conversion failures', errors)
run_all()
