import { z } from '@hono/zod-openapi';

export const ListNotificationsQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be the nextCursor of a previous page')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true: only unread notifications' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size (1-100, default 20)' }),
});

export const NotificationSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: 'The same id the live socket.io `notification` event carried' }),
    type: z.string().openapi({ example: 'work.published' }),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .openapi('Notification');

export const NotificationListSchema = z
  .object({
    notifications: z.array(NotificationSchema).openapi({ description: 'Newest first' }),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int(),
  })
  .openapi('NotificationList');

const notificationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a notification id');

export const MarkReadBodySchema = z
  .union([
    z.object({ ids: z.array(notificationId).min(1).max(500) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ])
  .openapi('MarkNotificationsRead', {
    description: 'Either `{ "ids": [...] }` or `{ "all": true }`',
  });

export const MarkReadResultSchema = z
  .object({
    marked: z.number().int().openapi({ description: 'How many were unread and are now read' }),
    unreadCount: z.number().int(),
  })
  .openapi('MarkNotificationsReadResult');
