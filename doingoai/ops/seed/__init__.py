"""Scale data for benchmarks: `manage.py seed_scale`."""
