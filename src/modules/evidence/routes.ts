import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { principalOf, type Tenant } from '../../platform/auth/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { registerMessages } from '../../platform/http/messages.js';
import { IsoDateTime, withErrors } from '../../platform/http/schemas.js';
import type { EvidenceService } from './commands.js';
import { ACCEPTED_MIME_TYPES, type FileRecord, type StaffFileView, type Variant } from './types.js';

registerMessages({
  FILE_UNREADABLE: { 'zh-CN': '文件已损坏或无法识别为图片', en: 'the image cannot be read' },
});

export interface EvidenceRouteOptions {
  evidence: EvidenceService;
  /** Tenant of anonymous public requests (`?tenant=<code>`, the default tenant when absent). */
  resolveTenant?(code: string | undefined): Promise<Tenant | null>;
}

const tags = ['evidence'];
/** Content addressed, so never stale; private because access is checked per request. */
const CACHE_CONTROL = 'private, max-age=86400, immutable';
const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
const UPLOAD_TYPES = ['image/*', 'application/pdf', 'application/octet-stream'];

const Sha256 = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'lower-case hex SHA-256 of the original bytes',
});
const ShaParams = Type.Object({ sha256: Sha256 });
const TenantQuery = Type.Object(
  {
    tenant: Type.Optional(
      Type.String({ maxLength: 32, description: 'tenant code; the district by default' }),
    ),
  },
  { additionalProperties: false },
);
const Mime = Type.Union([
  Type.Literal('image/jpeg'),
  Type.Literal('image/png'),
  Type.Literal('image/webp'),
  Type.Literal('application/pdf'),
]);
const Dimension = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
  description: 'px, as displayed (after the EXIF orientation); null for PDFs',
});
const FileRecordSchema = Type.Object({
  sha256: Sha256,
  mime: Mime,
  bytes: Type.Integer({ minimum: 1 }),
  width: Dimension,
  height: Dimension,
  takenAt: Type.Union([Type.String(), Type.Null()], {
    description:
      'EXIF DateTimeOriginal: `YYYY-MM-DDTHH:mm:ss` plus the offset when the camera recorded one (otherwise the camera clock, zone unknown)',
  }),
  hasLocation: Type.Boolean({ description: 'the original carries GPS coordinates (staff only)' }),
  createdAt: IsoDateTime,
});
const Exif = Type.Union([
  Type.Object({
    make: Type.Union([Type.String(), Type.Null()]),
    model: Type.Union([Type.String(), Type.Null()]),
    dateTimeOriginal: Type.Union([Type.String(), Type.Null()]),
    offsetTimeOriginal: Type.Union([Type.String(), Type.Null()]),
    gps: Type.Union([Type.Object({ lat: Type.Number(), lng: Type.Number() }), Type.Null()], {
      description: 'as recorded by the device (normally WGS-84)',
    }),
    orientation: Type.Union([Type.Integer({ minimum: 1, maximum: 8 }), Type.Null()]),
  }),
  Type.Null(),
]);
const StaffFileSchema = Type.Object({
  ...FileRecordSchema.properties,
  exif: Exif,
  origin: Type.Union([Type.Literal('staff'), Type.Literal('public')]),
  uploadedBy: Type.Union([Type.Integer(), Type.Null()], { description: 'account id; null for anonymous' }),
});
const PublicFileSchema = Type.Object({
  sha256: Sha256,
  mime: Mime,
  bytes: Type.Integer({ minimum: 1 }),
  width: Dimension,
  height: Dimension,
});

/** The body is the file itself; no JSON wrapper, no multipart. Validation happens on the content. */
const uploadBody = (): TSchema =>
  Type.Unsafe({
    content: Object.fromEntries(
      UPLOAD_TYPES.map((type) => [
        type,
        // No `type` (the validator sees a Buffer); OpenAPI 3.1 describes raw bytes by their media type.
        {
          schema: {
            contentMediaType: type,
            description: 'the file bytes; the type is taken from the content',
          },
        },
      ]),
    ),
  });

const binary = (description: string, types: readonly string[]): TSchema =>
  Type.Unsafe({
    description,
    headers: {
      etag: { type: 'string', description: 'the SHA-256 (with the variant for derived copies)' },
      'cache-control': { type: 'string' },
    },
    content: Object.fromEntries(
      types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
const NotModified = Type.Null({ description: 'not modified (If-None-Match)' });

const present = (f: FileRecord) => ({ ...f, createdAt: f.createdAt.toISOString() });
const presentStaff = (f: StaffFileView) => ({ ...f, createdAt: f.createdAt.toISOString() });

function uploadedBytes(body: unknown): Buffer {
  if (body === undefined || body === null) {
    throw errors.validation('file', 'send the file as the request body');
  }
  if (!Buffer.isBuffer(body)) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `send the file itself as the body, with content-type ${UPLOAD_TYPES.join(', ')}`,
      { field: 'content-type' },
    );
  }
  if (body.length === 0) throw errors.validation('file', 'the file is empty');
  return body;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export const evidenceRoutes: FastifyPluginAsyncTypebox<EvidenceRouteOptions> = async (app, opts) => {
  const { evidence } = opts;
  // The upload is the raw body; these parsers stay inside this plugin.
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser(/^image\/[a-z0-9.+-]+$/i, { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  const publicTenant = async (code: string | undefined): Promise<number> => {
    if (!opts.resolveTenant) throw errors.notFound('tenant');
    const tenant = await opts.resolveTenant(code);
    if (!tenant) throw errors.validation('tenant', `unknown tenant ${code ?? ''}`);
    return tenant.id;
  };

  async function sendVariant(
    request: FastifyRequest,
    reply: FastifyReply,
    tenantId: number,
    sha256: string,
    variant: Variant,
  ) {
    const stored = await evidence.get(tenantId, sha256, variant);
    if (!stored) throw errors.notFound('file');
    const etag = variant === 'original' ? `"${sha256}"` : `"${sha256}.${variant}"`;
    const ext = EXTENSION[stored.mime] ?? 'bin';
    const name = variant === 'original' ? `${sha256}.${ext}` : `${sha256}-${variant}.${ext}`;
    void reply
      .header('etag', etag)
      .header('cache-control', CACHE_CONTROL)
      // Uploaded content never runs as a page of this origin; PDFs are downloaded, not opened inline.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header(
        'content-disposition',
        `${stored.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
      );
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply
      .header('content-type', stored.mime)
      .header('content-length', stored.size)
      .send(createReadStream(stored.path));
  }

  app.post(
    '/api/files',
    {
      config: { access: 'authenticated' },
      bodyLimit: evidence.limits.staff,
      schema: {
        tags,
        summary: `Upload a photo or PDF as the raw body (at most ${evidence.limits.staff} bytes); the type is sniffed from the content (${ACCEPTED_MIME_TYPES.join(', ')}); 201 when new, 200 when the same content was already stored`,
        body: uploadBody(),
        response: withErrors({ 200: FileRecordSchema, 201: FileRecordSchema }, 401, 403, 413, 415, 422),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { file, created } = await evidence.put(principal.actor.tenantId, {
        bytes: uploadedBytes(request.body),
        origin: 'staff',
        accountId: principal.account.id,
        actor: principal.actor,
      });
      return reply.status(created ? 201 : 200).send(present(file));
    },
  );

  app.post(
    '/api/public/files',
    {
      config: { access: 'public' },
      bodyLimit: evidence.limits.public,
      schema: {
        tags,
        summary: `Anonymous upload by a citizen (at most ${evidence.limits.public} bytes), as the raw body; the answer shows no camera or location data`,
        querystring: TenantQuery,
        body: uploadBody(),
        response: withErrors({ 200: PublicFileSchema, 201: PublicFileSchema }, 413, 415, 422),
      },
    },
    async (request, reply) => {
      const tenantId = await publicTenant(request.query.tenant);
      const { file, created } = await evidence.put(tenantId, {
        bytes: uploadedBytes(request.body),
        origin: 'public',
        accountId: null,
        actor: { kind: 'public', tenantId, accountId: null, roles: [], requestId: request.id },
      });
      return reply.status(created ? 201 : 200).send({
        sha256: file.sha256,
        mime: file.mime,
        bytes: file.bytes,
        width: file.width,
        height: file.height,
      });
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The original bytes as uploaded, EXIF and location included (staff)',
        params: ShaParams,
        response: withErrors(
          { 200: binary('the original file', ACCEPTED_MIME_TYPES), 304: NotModified },
          401,
          403,
          404,
        ),
      },
    },
    async (request, reply) =>
      sendVariant(request, reply, principalOf(request).actor.tenantId, request.params.sha256, 'original'),
  );

  app.get(
    '/api/files/:sha256/thumbnail',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A WebP thumbnail (longest side 320 px, upright, no metadata); 404 for PDFs',
        params: ShaParams,
        response: withErrors(
          { 200: binary('the thumbnail', ['image/webp']), 304: NotModified },
          401,
          403,
          404,
        ),
      },
    },
    async (request, reply) =>
      sendVariant(request, reply, principalOf(request).actor.tenantId, request.params.sha256, 'thumbnail'),
  );

  app.get(
    '/api/files/:sha256/meta',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'What is known about a file, with its EXIF summary (camera, time taken, GPS) (staff)',
        params: ShaParams,
        response: withErrors({ 200: StaffFileSchema }, 401, 403, 404),
      },
    },
    async (request) => {
      const view = await evidence.describe(principalOf(request).actor.tenantId, request.params.sha256);
      if (!view) throw errors.notFound('file');
      return presentStaff(view);
    },
  );

  app.get(
    '/api/public/files/:sha256',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The public copy of a photo: JPEG, upright, at most 2048 px, with every piece of metadata (EXIF, GPS, XMP, ICC) removed; 404 for PDFs, which are never served publicly',
        params: ShaParams,
        querystring: TenantQuery,
        response: withErrors({ 200: binary('the public copy', ['image/jpeg']), 304: NotModified }, 404),
      },
    },
    async (request, reply) =>
      sendVariant(request, reply, await publicTenant(request.query.tenant), request.params.sha256, 'public'),
  );
};
