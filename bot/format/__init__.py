"""Pure formatters turning core answers into what each surface shows."""
