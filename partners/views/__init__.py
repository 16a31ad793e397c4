"""Pages for countries, agencies, partners, agreements, associations, occasions and greetings, split by model group:
`reference` (countries, administrative units, agencies), `foreign` (foreign partners, contacts, agreements),
`associations` (friendship associations and their reports), `occasions` (occasions and greetings)."""
