/** The registry of pages: each adds its routes to the web router. One line per page. */
import type { Router } from 'express';
import type { ApiDeps } from '../../api/app.js';
import { homePage } from './home/route.js';

export type PageRoutes = (router: Router, deps: ApiDeps) => void;

export const PAGES: readonly PageRoutes[] = [homePage];
