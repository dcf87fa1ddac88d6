"""Built-in rule families, one subpackage per namespace, each registered as an ordinary plugin."""
