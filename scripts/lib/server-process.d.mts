// Types of the loader hook module (it exports nothing; importing it registers the hook).
export {};
