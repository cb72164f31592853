// The password rule as the forms state it. No imports, so client forms can show it without zod.
export const PASSWORD_RULE = "at least 10 characters, including a letter and a digit";
