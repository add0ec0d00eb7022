# func: global statement creating and modifying module variables
def setup():
    global created, counter
    created = 'yes'
    counter = 0
def bump():
    global counter
    counter += 1
    return counter
setup()
print(created, bump(), bump(), counter)
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def del_global():
    global created
    del created
del_global()
print('created' in globals())
