# exc: caret markers for subscript and attribute access in a chain
data = {'users': [{'name': 'ann'}, {'name': 'bob'}]}
print(data['users'][0]['name'])
print(data['users'][1]['email'].upper())
