// Enum values and types of the schema: plain constants, safe to import anywhere (client included).
export * from "./generated/enums";
