"""Demo data for a credible province: `python manage.py load_demo`."""
