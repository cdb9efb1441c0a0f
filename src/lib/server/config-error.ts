/**
 * A setting in the environment that stops the server's start. Its message is one paragraph for
 * whoever runs the server: the variable, what is wrong with it, and an example of the right
 * form. scripts/app-server.js (`loadHandler`) prints it without a stack trace and exits with 1;
 * any other error at start keeps its stack.
 */
export class ConfigurationError extends Error {
	override name = 'ConfigurationError';
}
