package org.framescope.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * One Hadoop service in this JVM, for the YARN test: {@code hdfs} starts a MiniDFSCluster (a
 * NameNode and a DataNode), {@code yarn} a MiniYARNCluster (a ResourceManager and a NodeManager
 * that launches containers as processes). Every server binds to 127.0.0.1. The client
 * configuration goes to {@code CONF_DIR} ({@code core-site.xml}, {@code hdfs-site.xml}, {@code
 * yarn-site.xml}); the service reads the one written before it, so YARN's staging and its
 * containers' resources live on the HDFS. It prints {@value #READY} once it serves, and stops when
 * its standard input closes (its parent ended) or it is killed. MiniYARNCluster keeps its
 * containers' folders and logs under {@code target/} of the working folder.
 *
 * <pre>java -cp TEST_CLASSPATH org.framescope.cluster.MiniHadoop hdfs|yarn CONF_DIR WORK_DIR</pre>
 */
public final class MiniHadoop {
  static final String READY = "framescope-minihadoop ready";
  /** Memory the NodeManager offers its containers: a cluster-mode driver and two executors. */
  static final int NODE_MEMORY_MB = 6144;

  private MiniHadoop() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MiniHadoop hdfs|yarn CONF_DIR WORK_DIR");
      System.exit(2);
    }
    Path conf = Files.createDirectories(Path.of(args[1]));
    Path work = Files.createDirectories(Path.of(args[2]));
    AutoCloseable service;
    try {
      service = switch (args[0]) {
        case "hdfs" -> hdfs(conf, work);
        case "yarn" -> yarn(conf, work);
        default -> throw new IllegalArgumentException("unknown service " + args[0]);
      };
    } catch (Exception e) {
      // The services' own threads would keep a JVM whose start failed alive.
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println(READY);
    System.out.flush();
    try (service) {
      while (System.in.read() >= 0) {
        // Holds the service until the parent closes our standard input.
      }
    }
    System.exit(0);
  }

  private static AutoCloseable hdfs(Path confDir, Path work) throws IOException {
    Configuration conf = new Configuration();
    conf.set("hadoop.tmp.dir", work.resolve("tmp").toString());
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
    conf.setInt("dfs.replication", 1);
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.namenode.http-bind-host", "127.0.0.1");
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
    Configuration core = new Configuration(false);
    core.set("fs.defaultFS", "hdfs://127.0.0.1:" + dfs.getNameNodePort());
    write(core, confDir.resolve("core-site.xml"));
    Configuration hdfsSite = new Configuration(false);
    hdfsSite.setInt("dfs.replication", 1);
    write(hdfsSite, confDir.resolve("hdfs-site.xml"));
    return dfs::shutdown;
  }

  private static AutoCloseable yarn(Path confDir, Path work) throws Exception {
    YarnConfiguration conf = new YarnConfiguration();
    conf.set("hadoop.tmp.dir", work.resolve("tmp").toString());
    conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve("core-site.xml").toUri()));
    // Fixed ports, so that every address is the loopback's and not the host name's.
    conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
    for (String key : new String[] {YarnConfiguration.RM_ADDRESS,
        YarnConfiguration.RM_SCHEDULER_ADDRESS, YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
        YarnConfiguration.RM_ADMIN_ADDRESS, YarnConfiguration.RM_WEBAPP_ADDRESS,
        YarnConfiguration.NM_ADDRESS, YarnConfiguration.NM_LOCALIZER_ADDRESS,
        YarnConfiguration.NM_WEBAPP_ADDRESS, YarnConfiguration.NM_COLLECTOR_SERVICE_ADDRESS,
        YarnConfiguration.TIMELINE_SERVICE_ADDRESS,
        YarnConfiguration.TIMELINE_SERVICE_WEBAPP_ADDRESS}) {
      conf.set(key, "127.0.0.1:" + freePort());
    }
    conf.set(YarnConfiguration.RM_BIND_HOST, "127.0.0.1");
    conf.set(YarnConfiguration.NM_BIND_HOST, "127.0.0.1");
    conf.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MEMORY_MB);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MEMORY_MB);
    // The containers' JVMs size their own heaps; the node's memory checks would kill a driver
    // whose off-heap use a busy 2-core machine inflates.
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    // A nearly full disk would make the NodeManager refuse every container.
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
    // One queue, first come first served: the capacity scheduler needs a queue file and would
    // hold a cluster-mode driver (the application master) to 10% of the node.
    conf.set(YarnConfiguration.RM_SCHEDULER,
        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
    conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 1);
    MiniYARNCluster yarn = new MiniYARNCluster("framescope", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    if (!yarn.waitForNodeManagersToConnect(60_000)) {
      throw new IllegalStateException("the NodeManager did not register within 60 s");
    }
    Configuration site = new Configuration(false);
    for (var e : yarn.getConfig()) {
      if (e.getKey().startsWith("yarn.")) {
        site.set(e.getKey(), yarn.getConfig().get(e.getKey()));
      }
    }
    write(site, confDir.resolve("yarn-site.xml"));
    return yarn::stop;
  }

  private static void write(Configuration conf, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      conf.writeXml(o);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
