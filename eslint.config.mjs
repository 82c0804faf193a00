import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaMessage = "Only the data layer (lib/**/data.ts, lib/**/mutations.ts, lib/db) may use the Prisma client.";
const prismaClientImports = {
  // Not the Prisma rule, but the same ESLint rule (a second block would replace this one's options).
  paths: [{ name: "next/link", message: "Use @/components/link (no prefetch: decision 0092)." }],
  patterns: [
    // lib/db/enums is plain constants and may be imported anywhere; the client and generated code may not.
    { regex: "(^|/)db(/client|/index|/generated(/.*)?)?$", message: prismaMessage },
    { regex: "^@prisma/client(/.*)?$", message: prismaMessage },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "bench-results/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  // Conventions rule 1: only the data layer touches Prisma.
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db/**", "lib/kernel/enums.ts", "prisma/**", "scripts/**", "tests/**"],
    rules: { "no-restricted-imports": ["error", prismaClientImports] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
