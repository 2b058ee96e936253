/** The registry of pages: each adds its routes to the web router. One line per page. */
import type { Router } from 'express';
import type { ApiDeps } from '../../api/app.js';
import { homePage } from './home/route.js';
import { portalsPage } from './portals/route.js';
import { portalPage } from './portal/route.js';
import { institutionPage } from './institution/route.js';
import { comparePage } from './compare/route.js';
import { methodologyPage } from './methodology/route.js';
import { searchPage } from './search/route.js';
import { datasetPage } from './dataset/route.js';

export type PageRoutes = (router: Router, deps: ApiDeps) => void;

export const PAGES: readonly PageRoutes[] = [homePage, portalsPage, portalPage, institutionPage, comparePage, methodologyPage, searchPage, datasetPage];
