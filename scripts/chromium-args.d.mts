/** The Chromium flags shared by the screenshot script and the browser test. */
export declare const CHROMIUM_ARGS: readonly string[];
