# exc: uncaught exception from a method call inside a class with multi-line call
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(
                f'insufficient funds: balance {self.balance}, requested {amount}'
            )
        self.balance -= amount
        return self.balance
acct = Account(100)
print(acct.withdraw(30))
print(acct.withdraw(
    500,
))
