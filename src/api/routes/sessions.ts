/** Sessions: schedule, list, read, agenda, the next session's plan, the facilitator rotation, attendance, calendar. */
import { z } from 'zod/v4';
import { route, TEXT } from '../contract-kit';
import {
  AttendanceSchema,
  FacilitatorRotationSchema,
  ScheduledSessionSchema,
  SavedRunOutcomeSchema,
  SavedSessionRunSchema,
  SessionPlanSchema,
  SessionSchema,
  SessionWithEtagSchema,
} from '../response-schemas';
import {
  EditAgendaRequest,
  ListSessionsQuery,
  RotationChangeRequest,
  SaveSessionRunRequest,
  ScheduleSessionRequest,
} from '../session-schemas';

/** The calendar link's query: its signature is its permission (ADR 0014), checked by the server. */
export const CalendarLinkQuery = z.object({
  exp: z.string({ error: 'exp must be text' }).optional(),
  sig: z.string({ error: 'sig must be text' }).optional(),
});

export const sessionRoutes = {
  listSessions: route({
    method: 'GET',
    path: '/communities/:id/sessions',
    access: 'user',
    summary: "Members: the community's sessions, filtered by topic, type, dates, owner.",
    query: ListSessionsQuery,
    response: z.object({ sessions: z.array(SessionSchema) }),
  }),
  scheduleSession: route({
    method: 'POST',
    path: '/communities/:id/sessions',
    access: 'user',
    summary: 'Facilitators and champions schedule a session; the invitations go out (once per request id).',
    body: ScheduleSessionRequest,
    response: ScheduledSessionSchema,
    status: 201,
  }),
  planNextSession: route({
    method: 'GET',
    path: '/communities/:id/session-plan',
    access: 'user',
    summary: 'Members: dates from the cadence, the next facilitator from the rotation, the agenda template.',
    response: z.object({ plan: SessionPlanSchema }),
  }),
  changeRotation: route({
    method: 'POST',
    path: '/communities/:id/rotation',
    access: 'user',
    summary: 'Members join/leave the rotation or skip; facilitators swap turns.',
    body: RotationChangeRequest,
    response: z.object({ rotation: FacilitatorRotationSchema }),
  }),
  getSession: route({
    method: 'GET',
    path: '/communities/:id/sessions/:sid',
    access: 'user',
    summary: 'Members: one session with its etag.',
    response: SessionWithEtagSchema,
  }),
  editSessionAgenda: route({
    method: 'PUT',
    path: '/communities/:id/sessions/:sid/agenda',
    access: 'user',
    summary: "The session's facilitator (or a facilitator/champion) edits the agenda; etag checked.",
    body: EditAgendaRequest,
    response: SessionWithEtagSchema,
  }),
  saveSessionRun: route({
    method: 'PUT',
    path: '/communities/:id/sessions/:sid/run',
    access: 'user',
    summary:
      "The session's facilitator (or a facilitator/champion) saves the run of show; merged, never dropping kept notes or takeaways.",
    body: SaveSessionRunRequest,
    response: SavedRunOutcomeSchema,
  }),
  getResumableRun: route({
    method: 'GET',
    path: '/communities/:id/meetings/:meetingId/session-run',
    access: 'user',
    summary: "Members: the meeting's saved run of show whose session is still open (null when none).",
    response: z.object({ saved: SavedSessionRunSchema.nullable() }),
  }),
  getAttendance: route({
    method: 'GET',
    path: '/communities/:id/attendance',
    access: 'user',
    summary: 'Facilitators and champions: who answered what for the next and recent sessions, the trend.',
    response: z.object({ attendance: AttendanceSchema }),
  }),
  sessionCalendarFile: route({
    method: 'GET',
    path: '/communities/:id/sessions/:sid/calendar.ics',
    access: 'public',
    summary:
      "The session's .ics from an invitation card: no token (a card link has none); the signature is the permission.",
    query: CalendarLinkQuery,
    response: TEXT,
  }),
} as const;
