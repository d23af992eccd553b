"""Build, validate, normalise and import the course OLX in course_export/."""
