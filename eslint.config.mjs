import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaMessage = "Only the data layer (lib/**/data.ts, lib/**/mutations.ts, lib/db) may use the Prisma client.";
const prismaClientImports = {
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
