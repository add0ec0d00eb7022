# exc: uncaught exception with explicit cause shows "The above exception was the direct cause"
def load(cfg):
    try:
        return cfg['port']
    except KeyError as e:
        raise LookupError('config incomplete') from e
load({})
