import {
  answerInputSchema,
  answerUpdateSchema,
  questionInputSchema,
  questionListQuerySchema,
  questionUpdateSchema,
  resolveQuestionSchema,
  versionBodySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouterOptions } from '../types';
import { callers, entryParam, idParam, parseBody, parseRequest } from './util';

/**
 * The dialogue on entries: questions to the department that owns an entry, answers,
 * comments, 「同じ疑問」 and resolution. Every route is a signed-in user's: identity
 * decides what an anonymous question shows.
 */
export function questionRoutes(router: Router, options: RouterOptions) {
  const { questions } = options;
  const { user } = callers(options.httpAuth);
  const questionParam = (value: string) => idParam(value, 'question id');
  const answerParam = (value: string) => idParam(value, 'answer id');

  router.get('/entries/:id/questions', async (req, res) => {
    const ctx = await user(req);
    const page = parseRequest(questionListQuerySchema, req.query, 'query');
    res.json(await questions.list(entryParam(req), page, ctx));
  });

  router.post('/entries/:id/questions', async (req, res) => {
    const ctx = await user(req);
    const fields = parseBody(questionInputSchema, req);
    res.status(201).json(await questions.ask(entryParam(req), fields, ctx));
  });

  router.get('/questions/:id', async (req, res) => {
    const ctx = await user(req);
    res.json(await questions.get(questionParam(req.params.id), ctx));
  });

  router.put('/questions/:id', async (req, res) => {
    const ctx = await user(req);
    const id = questionParam(req.params.id);
    const { version, ...fields } = parseBody(questionUpdateSchema, req);
    res.json(await questions.update(id, fields, version, ctx));
  });

  router.delete('/questions/:id', async (req, res) => {
    const ctx = await user(req);
    const id = questionParam(req.params.id);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await questions.setDeleted(id, true, version, ctx));
  });

  router.post('/questions/:id/restore', async (req, res) => {
    const ctx = await user(req);
    const id = questionParam(req.params.id);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await questions.setDeleted(id, false, version, ctx));
  });

  router.get('/questions/:id/history', async (req, res) => {
    const ctx = await user(req);
    res.json(await questions.history(questionParam(req.params.id), ctx));
  });

  for (const kind of ['answer', 'comment'] as const) {
    router.post(`/questions/:id/${kind}s`, async (req, res) => {
      const ctx = await user(req);
      const id = questionParam(req.params.id);
      const { body } = parseBody(answerInputSchema, req);
      res.status(201).json(await questions.reply(id, kind, body, ctx));
    });
  }

  router.post('/questions/:id/resolve', async (req, res) => {
    const ctx = await user(req);
    const id = questionParam(req.params.id);
    const { answerId } = parseBody(resolveQuestionSchema, req);
    res.json(await questions.resolve(id, answerId, ctx));
  });

  router.post('/questions/:id/me-too', async (req, res) => {
    const ctx = await user(req);
    parseBody(z.object({}).strict(), req);
    res.json(await questions.setMeToo(questionParam(req.params.id), true, ctx));
  });

  router.delete('/questions/:id/me-too', async (req, res) => {
    const ctx = await user(req);
    parseBody(z.object({}).strict(), req);
    res.json(
      await questions.setMeToo(questionParam(req.params.id), false, ctx),
    );
  });

  router.put('/answers/:id', async (req, res) => {
    const ctx = await user(req);
    const id = answerParam(req.params.id);
    const { body, version } = parseBody(answerUpdateSchema, req);
    res.json(await questions.updateReply(id, body, version, ctx));
  });

  router.delete('/answers/:id', async (req, res) => {
    const ctx = await user(req);
    const id = answerParam(req.params.id);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await questions.setReplyDeleted(id, true, version, ctx));
  });

  router.post('/answers/:id/restore', async (req, res) => {
    const ctx = await user(req);
    const id = answerParam(req.params.id);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await questions.setReplyDeleted(id, false, version, ctx));
  });
}
