// Synthetic PHP / WordPress error logs, one file per site: the steady noise of notices, deprecations
// and warnings, and now and then a single alarming event of every kind an incident is made of (an
// undefined function after a deploy, a stray quote in a query, a missing template, a memory
// spike, one crash and a deactivated plugin). Labelled anomalies are the bursts and loops of those
// same lines: fatal storms, SQL injection probes, path traversal, memory exhaustion cascades and a
// plugin crashing on every request. No anomalous template is unique to anomalies, so a detector
// has to see the burst, not a keyword.
import type { Random } from '../runtime/random.js';
import type { LogWriter } from './log-writer.js';
import { IncidentSchedule } from './schedule.js';
import { phpTime } from './time-format.js';

export const WP_CLASSES = Object.freeze(['php_fatal_burst', 'sql_injection', 'path_traversal', 'memory_exhaustion', 'plugin_crash_loop']);

const PLUGINS = ['woocommerce', 'contact-form-7', 'elementor', 'yoast-seo', 'wpforms', 'jetpack', 'akismet', 'wordfence'];
const NOISE = [
  (p: string, n: number) => `PHP Deprecated:  Creation of dynamic property ${p}_Settings::$${p.replace(/-/g, '_')}_cache is deprecated in /var/www/html/wp-content/plugins/${p}/includes/class-settings.php on line ${n}`,
  (p: string, n: number) => `PHP Notice:  Function wp_enqueue_script was called <strong>incorrectly</strong>. Scripts and styles should not be registered or enqueued until the wp_enqueue_scripts hooks. in /var/www/html/wp-includes/functions.php on line ${n}`,
  (p: string, n: number) => `PHP Warning:  Undefined array key "${p}_option" in /var/www/html/wp-content/plugins/${p}/admin/options.php on line ${n}`,
  (p: string, n: number) => `PHP Deprecated:  strpos(): Passing null to parameter #1 ($haystack) of type string is deprecated in /var/www/html/wp-content/plugins/${p}/lib/util.php on line ${n}`,
  (p: string, n: number) => `PHP Warning:  Cannot modify header information - headers already sent by (output started at /var/www/html/wp-content/plugins/${p}/${p}.php:${n}) in /var/www/html/wp-includes/pluggable.php on line 1435`,
];

interface Ctx {
  w: LogWriter;
  r: Random;
  plugins: string[];
  incidents: IncidentSchedule<string>;
}

const INCIDENTS = ['fatal', 'sqli', 'traversal', 'memory', 'crash', 'sqli+traversal', 'memory+crash'];

function log(c: Ctx, message: string, labels: readonly string[] = [], gap = c.r.next() * 2): void {
  c.w.advance(gap);
  c.w.emit((t) => `[${phpTime(t)}] ${message}`, labels);
}

function undefinedFunction(c: Ctx, labels: readonly string[], p: string, n: number): void {
  const fn = c.r.pick(['wc_get_order', 'get_field', 'wpcf7_contact_form', 'elementor_load', 'jetpack_sync']);
  log(c, `PHP Fatal error:  Uncaught Error: Call to undefined function ${fn}() in /var/www/html/wp-content/themes/shop/functions.php:${n}`, labels);
  log(c, 'PHP Stack trace:', labels, 0);
  log(c, `PHP   1. {main}() /var/www/html/index.php:0`, labels, 0);
  log(c, `PHP   2. require() /var/www/html/wp-content/plugins/${p}/${p}.php:${n}`, labels, 0);
  log(c, `  thrown in /var/www/html/wp-content/themes/shop/functions.php on line ${n}`, labels, 0);
}

function fatalBurst(c: Ctx, labels: readonly string[]): void {
  for (let i = 0; i < c.r.int(3, 6); i++) undefinedFunction(c, labels, c.r.pick(PLUGINS), c.r.int(10, 900));
}

function sqlError(c: Ctx, labels: readonly string[], value: string, n: number, gap = c.r.next() * 2, warning = true): void {
  log(c, `WordPress database error You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${value}' at line 1 for query SELECT * FROM wp_posts WHERE ID = ${value} made by require('wp-blog-header.php'), wp, WP->main, WP->query_posts`, labels, gap);
  if (warning) log(c, `PHP Warning:  mysqli_fetch_assoc() expects parameter 1 to be mysqli_result, bool given in /var/www/html/wp-content/plugins/${c.r.pick(c.plugins)}/search.php on line ${n}`, labels, 0.1);
}

function sqlInjection(c: Ctx, labels: readonly string[]): void {
  const payloads = ["1' UNION SELECT user_login,user_pass FROM wp_users-- -", "1 AND SLEEP(5)", "1' OR '1'='1", "-1 UNION ALL SELECT NULL,CONCAT(user_login,0x3a,user_pass) FROM wp_users#", "1) AND extractvalue(1,concat(0x7e,version()))-- "];
  for (let i = 0; i < c.r.int(4, 9); i++) sqlError(c, labels, c.r.pick(payloads), c.r.int(10, 300), c.r.next() * 4, c.r.chance(0.4));
}

function failedInclude(c: Ctx, labels: readonly string[], plugin: string, target: string, gap = c.r.next() * 2): void {
  log(c, `PHP Warning:  include(${target}): Failed to open stream: No such file or directory in /var/www/html/wp-content/plugins/${plugin}/download.php on line 33`, labels, gap);
  log(c, `PHP Warning:  include(): Failed opening '${target}' for inclusion (include_path='.:/usr/share/php') in /var/www/html/wp-content/plugins/${plugin}/download.php on line 33`, labels, 0);
}

function traversal(c: Ctx, labels: readonly string[]): void {
  const plugin = c.r.pick(c.plugins);
  for (let i = 0; i < c.r.int(3, 7); i++) {
    failedInclude(c, labels, plugin, `${'../'.repeat(c.r.int(3, 8))}${c.r.pick(['etc/passwd', 'wp-config.php', 'etc/shadow', 'proc/self/environ'])}`, c.r.next() * 3);
  }
}

function memoryExhausted(c: Ctx, labels: readonly string[], gap = c.r.next() * 2): void {
  log(c, `PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted (tried to allocate ${c.r.int(1, 64) * 4096} bytes) in /var/www/html/wp-includes/${c.r.pick(['class-wpdb.php', 'meta.php', 'post.php'])} on line ${c.r.int(100, 2500)}`, labels, gap);
  if (c.r.chance(0.3)) log(c, 'PHP Warning:  Unknown: Failed to write session data using user defined save handler. (session.save_path: /var/lib/php/sessions) in Unknown on line 0', labels, 0.1);
}

function memory(c: Ctx, labels: readonly string[]): void {
  for (let i = 0; i < c.r.int(4, 9); i++) memoryExhausted(c, labels, c.r.next() * 8);
}

function typeErrorCrash(c: Ctx, labels: readonly string[], plugin: string, n: number, gap = c.r.next() * 2): void {
  log(c, `PHP Fatal error:  Uncaught TypeError: array_merge(): Argument #2 must be of type array, null given in /var/www/html/wp-content/plugins/${plugin}/includes/class-loader.php:${n}`, labels, gap);
  log(c, `PHP Stack trace:`, labels, 0);
  log(c, `PHP   1. ${plugin.replace(/-/g, '_')}_init() /var/www/html/wp-content/plugins/${plugin}/${plugin}.php:${n + 12}`, labels, 0);
}

function crashLoop(c: Ctx, labels: readonly string[]): void {
  const plugin = c.r.pick(PLUGINS);
  const n = c.r.int(20, 400);
  for (let i = 0; i < c.r.int(4, 8); i++) typeErrorCrash(c, labels, plugin, n, c.r.int(5, 30));
  log(c, `PHP Notice:  Plugin ${plugin} has been deactivated due to an error: Plugin file does not exist.`, labels, 2);
}

/** One benign occurrence of what incidents repeat: the lines match the incidents' templates. */
const SINGLE_EVENTS: ((c: Ctx) => void)[] = [
  (c) => undefinedFunction(c, [], c.r.pick(c.plugins), c.r.int(10, 900)),
  (c) => sqlError(c, [], c.r.pick(["5'", "Joe's Bakery", "Joe's Bakery Berlin", "don't miss our summer sale now", "l'atelier"]), c.r.int(10, 300)),
  (c) => failedInclude(c, [], c.r.pick(c.plugins), `../templates/${c.r.pick(['legacy-header.php', 'old-footer.php', 'sidebar-v1.php'])}`),
  (c) => memoryExhausted(c, []),
  (c) => typeErrorCrash(c, [], c.r.pick(c.plugins), c.r.int(20, 400)),
  (c) => log(c, `PHP Notice:  Plugin ${c.r.pick(c.plugins)} has been deactivated due to an error: Plugin file does not exist.`),
];

function hour(c: Ctx): void {
  for (let i = 0; i < c.r.int(1, 8); i++) {
    const p = c.r.pick(c.plugins);
    c.w.advance(c.r.int(60, 600));
    log(c, c.r.pick(NOISE)(p, c.r.int(10, 900)), [], 0);
  }
  if (c.r.chance(0.2)) {
    c.w.advance(c.r.int(10, 300));
    c.r.pick(SINGLE_EVENTS)(c);
  }
}

function day(c: Ctx, dayStart: number): void {
  for (let h = 0; h < 24 && !c.w.full; h++) {
    c.w.now = Math.max(c.w.now, dayStart + h * 3600e3);
    hour(c);
    const incident = c.incidents.due(c.w.lines, c.w.quota);
    if (!incident) continue;
    if (incident === 'fatal') fatalBurst(c, ['php_fatal_burst']);
    if (incident.startsWith('sqli')) sqlInjection(c, incident === 'sqli' ? ['sql_injection'] : ['path_traversal', 'sql_injection']);
    if (incident.endsWith('traversal')) traversal(c, incident === 'traversal' ? ['path_traversal'] : ['path_traversal', 'sql_injection']);
    if (incident.startsWith('memory')) memory(c, incident === 'memory' ? ['memory_exhaustion'] : ['memory_exhaustion', 'plugin_crash_loop']);
    if (incident.endsWith('crash')) crashLoop(c, incident === 'crash' ? ['plugin_crash_loop'] : ['memory_exhaustion', 'plugin_crash_loop']);
  }
}

export function writeWpSite(w: LogWriter, r: Random, index: number): void {
  const c: Ctx = { w, r, plugins: PLUGINS.filter(() => r.chance(0.6)).concat('akismet'), incidents: new IncidentSchedule(INCIDENTS, index) };
  const dayMs = 24 * 3600e3;
  for (let start = Math.floor(w.now / dayMs) * dayMs; !w.full; start += dayMs) day(c, start);
}
