/**
 * Response and body types of the JSON API, taken from the server's TypeBox schemas (types only:
 * nothing of the server reaches the bundle).
 */
import type { Static } from 'typebox';
import type { AgencyView, AgencyDirectoryEntryView, CreateAgencyBody, UpdateAgencyBody } from '../../../server/routes/api/agencies.schemas.js';
import type { AuditEventListSchema, AuditEventSchema } from '../../../server/routes/api/audit.schemas.js';
import type { MeResponse, SessionListSchema } from '../../../server/routes/api/auth.schemas.js';
import type { CreateUserBody, UpdateUserBody, UserView } from '../../../server/routes/api/users.schemas.js';

export type { AgencyView, AgencyDirectoryEntryView, CreateAgencyBody, UpdateAgencyBody, MeResponse, CreateUserBody, UpdateUserBody, UserView };
export type Role = MeResponse['user']['role'];
export type AuditEvent = Static<typeof AuditEventSchema>;
export type AuditEventList = Static<typeof AuditEventListSchema>;
export type SessionList = Static<typeof SessionListSchema>;
export interface AgencyList { agencies: AgencyView[] }
export interface UserList { users: UserView[] }
