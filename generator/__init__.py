"""sky-playbooks: publish a municipality's SKY school-absence rules as a bilingual site."""

__version__ = "0.2.0"
