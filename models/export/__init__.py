"""Export: the tables handed on and the CSV/XLSX/JSON writers."""
