// Its own (empty) config, so Next does not take the app's from the directory above.
const config = {};
export default config;
