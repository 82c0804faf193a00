/**
 * Small factories shared by integration tests (and kin to the demo seed): each inserts through the
 * client it is given — the test's client or a transaction — and returns the ids it made.
 * Defaults are valid and unique within the database (names, public codes, USCCs, usernames);
 * pass overrides for whatever the test is about. Authorities and divisions come from the real
 * reference lists in prisma/demo, so "guangdong" / "440300" exist as in the seeded app.
 *
 *   const authorityId = await makeAuthority(t.client, "zhejiang");
 *   const school = await makeSchool(t.client, { authorityId, tier: "TECHNICIAN_COLLEGE" });
 *   const officer = await makeUser(t.client, "PROVINCE_OFFICER", "zhejiang");
 *   const major = await makeMajor(t.client);
 */
export { makeAuthority, makeDivision, makeReference } from "./authority";
export { makeSchool, type MadeSchool } from "./school";
export { makeUser, TEST_PASSWORD, type MadeUser } from "./user";
export { makeMajor, type MadeMajor } from "./major";
export { uniqueTag } from "./sequence";
