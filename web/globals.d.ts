// Constants the bundlers define (extension/build.mjs): absent in an unbundled module, hence `typeof` checks.
declare const __POSTCOACH_STATIC_ENGINE__: boolean | undefined;
