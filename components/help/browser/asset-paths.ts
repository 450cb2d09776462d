// Where scripts/build-help-assets.ts writes the help center's browser script (under public/).
export const HELP_ASSET_DIR = "help-assets";
export const HELP_SCRIPT_PATH = `/${HELP_ASSET_DIR}/help.js`;
