# The example from the seed documents: a function with a docstring and an f-string.
def greet(name):
    """
    Функция приветствия.

    Args:
      name: Имя пользователя.

    Returns:
      Строка приветствия.
    """
    return f"Привет, {name}!"


print(greet("rpy"))
