/* global os, println, dba, mysql, shell -- MySQL Shell globals */
// MySQL Shell script (mysqlsh --js --file): creates Pluma's InnoDB Cluster from the three
// mysql-N containers, or repairs it. Safe to run any number of times:
//   - no cluster metadata anywhere        -> configure the three instances, create the cluster
//   - metadata but no member ONLINE       -> rebootClusterFromCompleteOutage (all were stopped)
//   - cluster up but an instance missing  -> rejoinInstance / addInstance (clone)
// then makes sure the application database and user exist (written once, through the primary).
const CLUSTER = os.getenv('CLUSTER_NAME') || 'pluma';
const HOSTS = (os.getenv('CLUSTER_HOSTS') || 'mysql-1,mysql-2,mysql-3').split(',');
const ROOT_PASSWORD = os.getenv('MYSQL_ROOT_PASSWORD');
const APP_USER = os.getenv('MYSQL_USER') || 'pluma';
const APP_PASSWORD = os.getenv('MYSQL_PASSWORD');
const APP_DATABASE = os.getenv('MYSQL_DATABASE') || 'pluma';

if (!ROOT_PASSWORD || !APP_PASSWORD) {
  println('MYSQL_ROOT_PASSWORD and MYSQL_PASSWORD must be set');
  os.exit(1);
}

const target = (host) => ({ host, port: 3306, user: 'root', password: ROOT_PASSWORD });
const address = (host) => `${host}:3306`;

function waitFor(host) {
  for (let attempt = 1; ; attempt++) {
    try {
      const session = mysql.getClassicSession(target(host));
      session.close();
      return;
    } catch (error) {
      if (attempt >= 90)
        throw new Error(`${host} did not answer: ${error.message}`, { cause: error });
      os.sleep(2);
    }
  }
}

/** What one instance knows: does it hold cluster metadata, is it an ONLINE group member. */
function inspect(host) {
  const session = mysql.getClassicSession(target(host));
  try {
    const hasMetadata =
      session
        .runSql(
          "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'mysql_innodb_cluster_metadata'",
        )
        .fetchOne()[0] > 0;
    const online =
      session
        .runSql(
          "SELECT COUNT(*) FROM performance_schema.replication_group_members WHERE member_id = @@server_uuid AND member_state = 'ONLINE'",
        )
        .fetchOne()[0] > 0;
    return { host, hasMetadata, online };
  } finally {
    session.close();
  }
}

HOSTS.forEach(waitFor);
// configureInstance is idempotent: it only changes what Group Replication still needs.
HOSTS.forEach((host) =>
  dba.configureInstance(target(host), { interactive: false, restart: false }),
);

let states = HOSTS.map(inspect);
let cluster;
if (!states.some((s) => s.hasMetadata)) {
  println(`creating InnoDB Cluster ${CLUSTER} on ${HOSTS[0]}`);
  shell.connect(target(HOSTS[0]));
  cluster = dba.createCluster(CLUSTER);
} else if (!states.some((s) => s.online)) {
  const seed = states.find((s) => s.hasMetadata).host;
  println(`no member ONLINE: rebooting ${CLUSTER} from complete outage on ${seed}`);
  shell.connect(target(seed));
  cluster = dba.rebootClusterFromCompleteOutage(CLUSTER);
} else {
  shell.connect(target(states.find((s) => s.online).host));
  cluster = dba.getCluster(CLUSTER);
}

// Bring every instance in: rejoin those the cluster knows, clone in those it does not.
const topology = cluster.status().defaultReplicaSet.topology;
for (const host of HOSTS) {
  const member = topology[address(host)];
  if (!member) {
    println(`adding ${host} (clone)`);
    cluster.addInstance(target(host), { recoveryMethod: 'clone', interactive: false });
  } else if (member.status !== 'ONLINE') {
    println(`rejoining ${host} (was ${member.status})`);
    cluster.rejoinInstance(target(host), { interactive: false });
  }
}

// The application's schema and user, through the primary so every member gets them.
const primary = cluster.status().defaultReplicaSet.primary;
const session = mysql.getClassicSession(target(primary.split(':')[0]));
session.runSql(`CREATE DATABASE IF NOT EXISTS \`${APP_DATABASE}\``);
session.runSql(`CREATE USER IF NOT EXISTS ?@'%' IDENTIFIED BY ?`, [APP_USER, APP_PASSWORD]);
session.runSql(`ALTER USER ?@'%' IDENTIFIED BY ?`, [APP_USER, APP_PASSWORD]);
session.runSql(`GRANT ALL PRIVILEGES ON \`${APP_DATABASE}\`.* TO ?@'%'`, [APP_USER]);
session.close();

states = HOSTS.map(inspect);
println(cluster.status().defaultReplicaSet.statusText);
if (!states.every((s) => s.online)) {
  println(`not every instance is ONLINE: ${JSON.stringify(states)}`);
  os.exit(1);
}
