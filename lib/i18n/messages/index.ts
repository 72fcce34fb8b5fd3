// One import per namespace per language (ROOMS.md): a rebase conflict here is kept by taking every line.
import enCommon from "./en/common.json";
import enAuth from "./en/auth.json";
import enShare from "./en/share.json";
import enErrors from "./en/errors.json";
import enRelay from "./en/relay.json";
import enStudio from "./en/studio.json";
import enGallery from "./en/gallery.json";
import enWorkspace from "./en/workspace.json";
import enUsage from "./en/usage.json";
import enDone from "./en/done.json";
import zhCommon from "./zh-CN/common.json";
import zhAuth from "./zh-CN/auth.json";
import zhShare from "./zh-CN/share.json";
import zhErrors from "./zh-CN/errors.json";
import zhRelay from "./zh-CN/relay.json";
import zhStudio from "./zh-CN/studio.json";
import zhGallery from "./zh-CN/gallery.json";
import zhWorkspace from "./zh-CN/workspace.json";
import zhUsage from "./zh-CN/usage.json";
import zhDone from "./zh-CN/done.json";

import type { Locale } from "../config";

/** The English catalogue is the reference: its shape types every key (see app-config.ts). */
export const en = {
  common: enCommon,
  auth: enAuth,
  share: enShare,
  errors: enErrors,
  relay: enRelay,
  studio: enStudio,
  gallery: enGallery,
  workspace: enWorkspace,
  usage: enUsage,
  done: enDone,
};

export type Messages = typeof en;

export const messages: Record<Locale, Messages> = {
  en,
  // Typed as the English shape, so a key missing here fails tsc as well as messages.test.ts.
  "zh-CN": {
    common: zhCommon,
    auth: zhAuth,
    share: zhShare,
    errors: zhErrors,
    relay: zhRelay,
    studio: zhStudio,
    gallery: zhGallery,
    workspace: zhWorkspace,
    usage: zhUsage,
    done: zhDone,
  },
};
