// Rules for sign-up input, shared by the server actions and the forms.
import { z } from "zod";
import { PASSWORD_RULE } from "./password-rule";

export { PASSWORD_RULE };

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }));

export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(10, `Password too weak: use ${PASSWORD_RULE}`)
  .max(200, "Passwords can be at most 200 characters")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), `Password too weak: use ${PASSWORD_RULE}`);

export const signUpSchema = z.object({
  name: z.string().trim().max(80, "Names can be at most 80 characters").optional().transform((s) => s || undefined),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200, "Wrong email or password"),
});
