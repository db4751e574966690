/**
 * Benign contacts (networks/benign.ts): hotline, police and NGO numbers, handles and links that a
 * lead marked so they never raise a post as `known_contact` nor link posts into networks.
 * Reading the list is open to every reading role; marking and unmarking to leads and admins.
 */
import { createRoute } from '@hono/zod-openapi';
import { addBenign, listBenign, MAX_NOTE, removeBenign } from '../../networks/benign.ts';
import { principalOf, ROLE_SETS, secured } from '../auth/require-role.ts';
import { errors, router, z } from '../openapi.ts';

const BenignContact = z
  .object({
    key: z
      .string()
      .openapi({ example: 'phone:+441632960000', description: 'The entity key: `phone:<E.164>`, `handle:@<name>` or `link:<host/path>`.' }),
    note: z.string().openapi({ example: 'Refugee Council helpline' }),
    createdBy: z.string().openapi({ description: 'The API key id (or `cli:<user>`) that marked it.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('BenignContact');

const AddBody = z
  .object({
    contact: z
      .string()
      .min(1)
      .max(300)
      .openapi({ example: '+44 1632 960000', description: 'A phone number as written, `@handle`, a messenger link, or an entity key.' }),
    note: z.string().min(1).max(MAX_NOTE).openapi({ description: 'Whose contact it is (hotline, police, NGO).' }),
  })
  .openapi('BenignContactInput');

const KeyQuery = z.object({ contact: z.string().min(1).max(300).openapi({ description: 'The contact or entity key to unmark.' }) });

const list = createRoute({
  method: 'get',
  path: '/v1/contacts/benign',
  tags: ['networks'],
  summary: 'Contacts marked benign',
  ...secured(...ROLE_SETS.read),
  responses: {
    200: {
      description: 'Every benign contact, by key',
      content: { 'application/json': { schema: z.object({ contacts: z.array(BenignContact) }).openapi('BenignContactList') } },
    },
    ...errors(400, 401, 403),
  },
});

const add = createRoute({
  method: 'post',
  path: '/v1/contacts/benign',
  tags: ['networks'],
  summary: 'Mark a contact benign',
  description:
    'From now on the contact never raises a post as `known_contact` and links no new post into a network. Posts already linked stay. Marking again updates the note. Audited (`contact.benign_add`).',
  ...secured(...ROLE_SETS.lead),
  request: { body: { required: true, content: { 'application/json': { schema: AddBody } } } },
  responses: {
    201: { description: 'Marked', content: { 'application/json': { schema: BenignContact } } },
    ...errors(400, 401, 403, 413, 415),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/contacts/benign',
  tags: ['networks'],
  summary: 'Unmark a benign contact',
  description: 'The contact counts and links again for posts classified from now on. Audited (`contact.benign_remove`).',
  ...secured(...ROLE_SETS.lead),
  request: { query: KeyQuery },
  responses: {
    200: { description: 'Unmarked; the row as it was', content: { 'application/json': { schema: BenignContact } } },
    ...errors(400, 401, 403, 404),
  },
});

export function contactRoutes() {
  const app = router();
  app.openapi(list, async (c) => c.json({ contacts: await listBenign(c.var.ctx.db) }, 200));
  app.openapi(add, async (c) => {
    const { contact, note } = c.req.valid('json');
    return c.json(await addBenign(c.var.ctx.db, contact, note, principalOf(c).keyId), 201);
  });
  app.openapi(remove, async (c) => c.json(await removeBenign(c.var.ctx.db, c.req.valid('query').contact, principalOf(c).keyId), 200));
  return app;
}
