# exc: try/except inside loops with continue/break inside handlers
results = []
for token in ['1', 'x', '3', 'stop', '5']:
    try:
        if token == 'stop':
            break
        results.append(int(token))
    except ValueError:
        results.append('bad')
        continue
    finally:
        results.append('|')
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f'try {attempts}')
        print('succeeded after', attempts)
        break
    except ConnectionError as e:
        print('retry because', e)
