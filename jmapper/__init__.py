"""jmapper: an offline editor for customer journey maps and service blueprints."""

__version__ = "0.1.0"
