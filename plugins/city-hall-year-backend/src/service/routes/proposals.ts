import {
  entryProposalListQuerySchema,
  proposalAcceptSchema,
  proposalCommentSchema,
  proposalInputSchema,
  proposalListQuerySchema,
  proposalReviseSchema,
  versionBodySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, entryParam, idParam, parseBody, parseRequest } from './util';

/**
 * Change proposals: anyone who reads a published entry proposes a change; its owners
 * accept it, ask for changes or decline it. Every route is a signed-in user's.
 */
export function proposalRoutes(router: Router, options: RouterOptions) {
  const { proposals } = options;
  const { user } = callers(options.httpAuth);
  const proposalParam = (value: string) => idParam(value, 'proposal id');

  router.get('/entries/:id/proposals', async (req, res) => {
    const ctx = await user(req);
    const page = parseRequest(entryProposalListQuerySchema, req.query, 'query');
    res.json(await proposals.listForEntry(entryParam(req), page, ctx));
  });

  router.post('/entries/:id/proposals', async (req, res) => {
    const ctx = await user(req);
    const input = parseBody(proposalInputSchema, req);
    res.status(201).json(await proposals.create(entryParam(req), input, ctx));
  });

  router.get('/proposals', async (req, res) => {
    const ctx = await user(req);
    const query = parseRequest(proposalListQuerySchema, req.query, 'query');
    res.json(await proposals.list(query, ctx));
  });

  router.get('/proposals/:id', async (req, res) => {
    const ctx = await user(req);
    res.json(await proposals.get(proposalParam(req.params.id), ctx));
  });

  router.put('/proposals/:id', async (req, res) => {
    const ctx = await user(req);
    const id = proposalParam(req.params.id);
    const { version, ...input } = parseBody(proposalReviseSchema, req);
    res.json(await proposals.revise(id, input, version, ctx));
  });

  router.post('/proposals/:id/withdraw', async (req, res) => {
    const ctx = await user(req);
    const id = proposalParam(req.params.id);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await proposals.withdraw(id, version, ctx));
  });

  router.post('/proposals/:id/accept', async (req, res) => {
    const ctx = await user(req);
    const id = proposalParam(req.params.id);
    const body = parseBody(proposalAcceptSchema, req);
    res.json(await proposals.accept(id, body, ctx));
  });

  router.post('/proposals/:id/decline', async (req, res) => {
    const ctx = await user(req);
    const id = proposalParam(req.params.id);
    const body = parseBody(proposalCommentSchema, req);
    res.json(await proposals.review(id, 'declined', body, ctx));
  });

  router.post('/proposals/:id/request-changes', async (req, res) => {
    const ctx = await user(req);
    const id = proposalParam(req.params.id);
    const body = parseBody(proposalCommentSchema, req);
    res.json(await proposals.review(id, 'changesRequested', body, ctx));
  });
}
