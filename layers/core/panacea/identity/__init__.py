"""Identity: the people who use Panacea (staff and members), their roles and how they sign in."""
