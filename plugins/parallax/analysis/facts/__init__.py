"""Facts per sentence, quotations and speakers, and where outlets disagree on them."""
