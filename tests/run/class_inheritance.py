# class: single inheritance, overriding, super() calls
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def describe(self):
        return f'{self.name}: {self.speak()}'
class Cat(Animal):
    def speak(self):
        return 'meow'
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + '!'
for x in [Animal('gen'), Cat('tom'), Lion('leo', 'west')]:
    print(x.describe(), type(x).__name__)
l = Lion('simba', 'pride rock')
print(l.pride, isinstance(l, Animal), issubclass(Lion, Animal), issubclass(Animal, Lion), Lion.__bases__[0].__name__)
print([c.__name__ for c in Lion.__mro__])
print(Animal.speak(l), Cat.speak(l), super(Cat, l).speak())
