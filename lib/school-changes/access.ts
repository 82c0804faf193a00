import { canWriteSchools, SCHOOL_READERS, SCHOOL_WRITERS } from "@/lib/schools/access";

/**
 * Who may record changes of a school: the same people who may edit it (lib/schools/access.ts) —
 * province officers for their own authority, the ministry for all; auditors read; experts never.
 */
export const WRITER_ROLES = SCHOOL_WRITERS;
export const READER_ROLES = SCHOOL_READERS;
export const canWrite = canWriteSchools;
