# match: parsing split command strings with sequence patterns
def run(cmd):
    match cmd.split():
        case ['quit' | 'exit']:
            return 'bye'
        case ['look']:
            return 'you see a room'
        case ['go', ('north' | 'south' | 'east' | 'west') as d]:
            return f'going {d}'
        case ['go', other]:
            return f'cannot go {other}'
        case ['take', *items] if items:
            return 'taking ' + ', '.join(items)
        case ['take']:
            return 'take what?'
        case []:
            return 'say something'
        case [verb, *_]:
            return f'unknown verb {verb}'
for c in ['quit', 'look', 'go north', 'go up', 'take sword shield', 'take', '', 'dance wildly']:
    print(repr(c), '->', run(c))
