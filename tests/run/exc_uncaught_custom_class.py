# exc: uncaught custom exception subclass with custom __str__
class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return f'{self.key}: {self.reason}'
def validate():
    raise ConfigError('timeout', 'must be positive')
validate()
