import { Command, CommanderError, Option } from 'commander';
import { AppError, pickLocale } from '../shared/app-error';
import { GOLIVE_VERSION } from '../shared/version';
import { maskUrlPassword } from '../db/connection-url';
import { registerExtraCommands } from './extra-commands';
import { optionFormat, optionInteger, optionTooShort } from './option-errors';

// Heavy modules (server, database drivers, job runner) are imported inside the actions that need
// them, so `golive version` or `--help` start in a fraction of a second.

/** Raised for usage errors so they exit 2 like every other error. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw optionInteger('--port', value, '0–65535');
  return port;
}

async function commandServe(options: { port: number; host: string; worker: boolean }): Promise<void> {
  const [
    { serve },
    { createApp },
    { prepareFirstStart, DEFAULT_ADMIN_EMAIL },
    { createJobQueue, loadServerConfig, openMigratedDb, resolveDatabaseUrl },
  ] = await Promise.all([
    import('@hono/node-server'),
    import('../server/app'),
    import('../server/first-start'),
    import('../server/runtime'),
  ]);
  const url = resolveDatabaseUrl();
  const db = await openMigratedDb(url);
  const notice = await prepareFirstStart(db);
  const jobs = createJobQueue(db, url);
  const config = loadServerConfig();
  let stopScheduler = (): void => {};
  if (options.worker) {
    // Handlers must be registered and the database bound before jobs start: a job left over from
    // before a restart may be claimed before the first request arrives.
    const [{ startReconcileScheduler }, { bindJobRuntime }, { startHealthSnapshots }] = await Promise.all([
      import('../modules/cutover/reconcile-scheduler'),
      import('../modules/jobs/job-runtime'),
      import('../modules/risks/health-snapshot-scheduler'),
      import('../server/job-handlers'),
    ]);
    bindJobRuntime(db, config.dataDir);
    const stopReconcile = startReconcileScheduler(db, jobs, { dataDir: config.dataDir });
    const stopSnapshots = startHealthSnapshots(db);
    stopScheduler = (): void => {
      stopReconcile();
      stopSnapshots();
    };
    await jobs.start();
  }
  const app = createApp({ db, config, jobs });
  // Counted so shutdown can wait for handlers still running after their client went away.
  let inFlight = 0;
  const fetch: typeof app.fetch = async (request, env, ctx) => {
    inFlight++;
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      inFlight--;
    }
  };
  const drain = async (): Promise<void> => {
    for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
  const server = serve({ fetch, port: options.port, hostname: options.host }, (info) => {
    const shownHost = options.host === '0.0.0.0' ? 'localhost' : options.host;
    console.log(`golive ${GOLIVE_VERSION} serving http://${shownHost}:${info.port} (database: ${db.displayUrl})`);
    console.log(`  API docs: http://${shownHost}:${info.port}/api/docs`);
    if (notice) console.log(notice);
    else
      console.log(
        `  Sign in with your account (first-start admin: ${DEFAULT_ADMIN_EMAIL}); add one with: golive admin create --email E --password P`,
      );
  });
  const shutdown = (): void => {
    // Stop accepting, let in-flight requests finish (keep-alive sockets are cut after a grace
    // period), and only then close the database they use.
    const closing = new Promise<void>((done) => server.close(() => done()));
    const grace = setTimeout(() => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(), 2000);
    stopScheduler();
    void closing
      .then(drain)
      .then(() => jobs.stop())
      .finally(() => {
        clearTimeout(grace);
        void db.close().finally(() => process.exit(0));
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function commandWorker(): Promise<void> {
  const [
    { createJobQueue, loadServerConfig, openMigratedDb, resolveDatabaseUrl },
    { startReconcileScheduler },
    { bindJobRuntime },
    { startHealthSnapshots },
  ] = await Promise.all([
    import('../server/runtime'),
    import('../modules/cutover/reconcile-scheduler'),
    import('../modules/jobs/job-runtime'),
    import('../modules/risks/health-snapshot-scheduler'),
    import('../server/job-handlers'),
  ]);
  const url = resolveDatabaseUrl();
  const db = await openMigratedDb(url);
  const dataDir = loadServerConfig().dataDir;
  bindJobRuntime(db, dataDir);
  const jobs = createJobQueue(db, url);
  const stopScheduler = startReconcileScheduler(db, jobs, { dataDir });
  const stopSnapshots = startHealthSnapshots(db);
  await jobs.start();
  console.log(`golive worker ${GOLIVE_VERSION} taking jobs from ${db.displayUrl}`);
  const shutdown = (): void => {
    stopScheduler();
    stopSnapshots();
    void jobs.stop().finally(() => void db.close().finally(() => process.exit(0)));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Builds the `golive` command tree. */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command();
  // Set before any subcommand exists: commander copies these settings into subcommands on creation.
  program.exitOverride();
  program.configureOutput({ outputError: (text, write) => write(text) });
  program
    .name('golive')
    .description(
      'GoLive 实施落地平台: ERP implementation from planning to go-live.\nDATABASE_URL selects the database (default sqlite:./data/golive.db).',
    )
    .version(GOLIVE_VERSION, '-V, --version-flag', 'print the version')
    .showHelpAfterError();

  program
    .command('serve')
    .description('run the web app and API (migrates the database; loads the demo project on first start)')
    .addOption(new Option('--port <n>', 'port').default(Number(process.env.PORT ?? 3000)).argParser(parsePort))
    .option('--host <h>', 'address to listen on', process.env.HOST ?? '0.0.0.0')
    .option('--no-worker', 'do not run background jobs in this process (use golive worker)')
    .action(commandServe);

  program.command('worker').description('run background jobs (several workers can share a PostgreSQL database)').action(commandWorker);

  const dbCommand = program.command('db').description('database maintenance');
  dbCommand
    .command('migrate')
    .description('apply pending migrations')
    .action(async () => {
      const [{ openDb }, { migrateToLatest }, { resolveDatabaseUrl }] = await Promise.all([
        import('../db/connection'),
        import('../db/migrate'),
        import('../server/runtime'),
      ]);
      const db = openDb(resolveDatabaseUrl());
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await db.close();
      }
    });

  program
    .command('demo')
    .description('load the demo project, replacing an existing demo project')
    .option('--owner <email>', 'the user who will manage the demo project (default: the first admin)')
    .action(async (options: { owner?: string }) => {
      const [{ openMigratedDb }, { prepareFirstStart }, { findUserByEmail }, { loadDemoProject }] = await Promise.all([
        import('../server/runtime'),
        import('../server/first-start'),
        import('../modules/auth/auth.service'),
        import('../demo/demo-project'),
      ]);
      const db = await openMigratedDb();
      try {
        const notice = await prepareFirstStart(db);
        if (notice) {
          console.log(notice);
          return;
        }
        const owner = options.owner
          ? await findUserByEmail(db.kysely, options.owner)
          : await db.kysely.selectFrom('app_user').selectAll().where('is_admin', '=', 1).orderBy('created_at').executeTakeFirst();
        if (!owner) throw new AppError('NOT_FOUND', { entity: 'user', id: options.owner ?? 'admin' });
        const id = await loadDemoProject(db, { userId: owner.id, name: owner.name, email: owner.email, isAdmin: owner.is_admin === 1 });
        console.log(`Demo project loaded: ${id} (managed by ${owner.email})`);
      } finally {
        await db.close();
      }
    });

  program
    .command('version')
    .description('print the version')
    .action(() => console.log(GOLIVE_VERSION));

  const admin = program.command('admin').description('platform administration');
  admin
    .command('create')
    .description('create a platform administrator (fails if the email exists)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--name <name>', 'display name')
    .action(async (options: { email: string; password: string; name?: string }) => {
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) throw optionFormat('--email', options.email, 'name@example.com');
      if (options.password.length < 8) throw optionTooShort('--password', 8);
      const [{ openMigratedDb }, { createUser }] = await Promise.all([import('../server/runtime'), import('../modules/auth/auth.service')]);
      const db = await openMigratedDb();
      try {
        const user = await createUser(db, {
          email: options.email,
          password: options.password,
          name: options.name ?? options.email,
          isAdmin: true,
        });
        console.log(`Created administrator ${user.email}`);
      } finally {
        await db.close();
      }
    });

  await registerExtraCommands(program, argv);
  return program;
}

/** Runs the CLI: errors go to stderr with exit code 2. */
export async function runCli(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) process.exit(0);
      process.exit(2);
    }
    const message =
      error instanceof AppError
        ? // The same choice as the engine commands make: GOLIVE_LANG, else LANG; zh-CN unless it starts with "en".
          error.localizedMessage(pickLocale(process.env.GOLIVE_LANG ?? process.env.LANG))
        : error instanceof Error
          ? maskUrlPassword(error.message)
          : String(error);
    process.stderr.write(`golive: ${message}\n`);
    process.exit(2);
  }
}

await runCli(process.argv);
