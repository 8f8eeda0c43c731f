<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fleetdeck::api::ApiServer</name>
    <message>
        <location filename="../lib/api/ApiServer.cpp" line="58"/>
        <source>HTTPS needs both a certificate (--cert) and its private key (--key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/api/ApiServer.cpp" line="63"/>
        <location filename="../lib/api/ApiServer.cpp" line="65"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/api/ApiServer.cpp" line="68"/>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/api/ApiServer.cpp" line="74"/>
        <source>%1 holds no unencrypted PEM RSA or EC private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/api/ApiServer.cpp" line="86"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::deploy</name>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="54"/>
        <source>the path %1 is too long for the build archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="56"/>
        <source>the link target of %1 is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="105"/>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="129"/>
        <source>cannot read the link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="136"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="139"/>
        <source>%1 is not a file, folder or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="144"/>
        <source>the build folder %1 is larger than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="166"/>
        <source>&apos;%1&apos; must be a path inside the build source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="181"/>
        <source>&apos;%1&apos; is neither a folder on this machine nor a git URL (https://, ssh://, git@...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/BuildContext.cpp" line="184"/>
        <source>%1 has no %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/DeploymentQueue.cpp" line="139"/>
        <source>deployment %1 is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/deploy/DeploymentQueue.cpp" line="164"/>
        <source>deployment %1 is not queued or running here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::orchestrators</name>
    <message>
        <location filename="../lib/orchestrators/CommandRunner.cpp" line="44"/>
        <source>%1: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/CommandRunner.cpp" line="46"/>
        <source>%1: the time allowed ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/LogFollower.cpp" line="13"/>
        <location filename="../lib/orchestrators/LogStream.cpp" line="49"/>
        <location filename="../lib/orchestrators/LogStream.cpp" line="70"/>
        <source>log follow cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/LogStream.cpp" line="62"/>
        <source>log stream ended with exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/OrchestratorFactory.cpp" line="60"/>
        <source>no %1 backend is built into this Fleetdeck (server %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/OrchestratorFactory.cpp" line="63"/>
        <source>no transport for server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/ContainerLogFollower.cpp" line="113"/>
        <source>docker events ended on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/ContainerOptions.cpp" line="53"/>
        <source>secret variable %1 cannot be passed safely: the docker command on the server would use it itself; rename it or make it non-secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/ContainerOptions.cpp" line="56"/>
        <source>value of %1 contains a NUL byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/ContainerOptions.cpp" line="119"/>
        <source>an HTTP health check needs a port: set the health port or give the application a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerCommands.cpp" line="51"/>
        <source>standalone Docker cannot run %1 replicas that all publish host port %2: give the application a domain (the proxy then balances between replicas), or use Docker Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="26"/>
        <source>could not read the output of %1 (line %2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="158"/>
        <source>docker ps printed a container without an ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="173"/>
        <source>could not read the container state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="195"/>
        <source>the container state has no Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="230"/>
        <source>could not read docker stats for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="275"/>
        <source>docker events printed %1 events on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="281"/>
        <source>docker events printed an event that is not a container&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="294"/>
        <source>docker events printed a container event without its ID, action, name or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="305"/>
        <source>could not read the swarm state of the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/docker/DockerParsers.cpp" line="317"/>
        <source>the engine did not say whether it is in a swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/kubernetes/KubectlSession.cpp" line="36"/>
        <source>Could not hand the kubeconfig over on %1 (exit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/kubernetes/KubectlSession.cpp" line="86"/>
        <source>the kubeconfig has no context &apos;%1&apos; (it has: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/kubernetes/KubectlSession.cpp" line="99"/>
        <source>The client certificate of context &apos;%1&apos; in the kubeconfig expired on %2: get a new kubeconfig from the cluster&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/proxy/Traefik.cpp" line="105"/>
        <source>the Traefik image %1 is not on %2 and could not be pulled: load it there (docker load -i traefik.tar) or make its registry reachable, then install the proxy again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/orchestrators/proxy/Traefik.cpp" line="168"/>
        <source>on Kubernetes, routing goes through the cluster&apos;s ingress controller, not a Traefik container</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::remote</name>
    <message>
        <location filename="../lib/remote/HostFactsParser.cpp" line="21"/>
        <source>Could not understand the output of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="78"/>
        <source>Could not start /bin/sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="145"/>
        <location filename="../lib/remote/LocalTransport.cpp" line="256"/>
        <location filename="../lib/remote/SshChannels.cpp" line="233"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="170"/>
        <location filename="../lib/remote/SshChannels.cpp" line="61"/>
        <source>The command was killed by signal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="261"/>
        <source>The command timed out after %1 ms on this machine and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="289"/>
        <location filename="../lib/remote/SshTransport.cpp" line="92"/>
        <source>a file path is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="291"/>
        <location filename="../lib/remote/SshTransport.cpp" line="94"/>
        <source>must be an octal mode such as 0600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="302"/>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/LocalTransport.cpp" line="305"/>
        <source>Could not create a file next to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/ShellQuote.cpp" line="81"/>
        <source>the command is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/ShellQuote.cpp" line="85"/>
        <source>argument %1 contains a NUL character, which no command line can carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshAuth.cpp" line="42"/>
        <source>The connection to %1 failed during authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="35"/>
        <source>Could not create an SSH channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="207"/>
        <source>The command on %1 ended without reporting an exit status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="236"/>
        <source>The command timed out after %1 on %2 and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="266"/>
        <source>%1 refused to open a channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="305"/>
        <source>%1 refused to run the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshChannels.cpp" line="328"/>
        <source>Reading the command&apos;s output failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshHostKey.cpp" line="15"/>
        <source>The server sent no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshHostKey.cpp" line="24"/>
        <source>Could not hash the server&apos;s host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshHostKey.cpp" line="37"/>
        <source>The host key of %1 is not trusted yet: %2 (%3). Check it on the server (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and trust it; nothing was run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshHostKey.cpp" line="45"/>
        <source>WARNING: the host key of %1 has CHANGED. Trusted: %2; the server now offers: %3 (%4). This can mean someone is intercepting the connection; nothing was run. Trust the new key only if you know why it changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshHostKey.cpp" line="60"/>
        <location filename="../lib/remote/SshWorker.cpp" line="77"/>
        <source>Could not create an SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshTransport.cpp" line="115"/>
        <source>Could not write %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshWorker.cpp" line="54"/>
        <source>Cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshWorker.cpp" line="57"/>
        <source>Timed out after %1 waiting for the connection to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/remote/SshWorker.cpp" line="148"/>
        <source>The connection to %1 was lost (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::services</name>
    <message>
        <location filename="../lib/services/ClusterService.cpp" line="94"/>
        <source>no settings stored for namespace %1 of server %2 (fleetdeck-cli namespace set %2 ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/services/ExecSession.cpp" line="87"/>
        <location filename="../lib/services/LogFollow.cpp" line="90"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::store</name>
    <message>
        <location filename="../lib/store/ApplicationRows.cpp" line="146"/>
        <source>an application named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/ApplicationRows.cpp" line="148"/>
        <source>the server does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/ApplicationRows.cpp" line="177"/>
        <location filename="../lib/store/ApplicationRows.cpp" line="233"/>
        <location filename="../lib/store/ApplicationRows.cpp" line="246"/>
        <location filename="../lib/store/ApplicationRows.cpp" line="278"/>
        <location filename="../lib/store/ApplicationRows.cpp" line="290"/>
        <location filename="../lib/store/DeploymentRows.cpp" line="53"/>
        <source>no application with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/ApplicationRows.cpp" line="187"/>
        <source>no application named &apos;%1&apos; (see `fleetdeck-cli app list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Database.cpp" line="50"/>
        <source>the store failed while %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Database.cpp" line="77"/>
        <source>cannot create the folder %1 for the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Database.cpp" line="81"/>
        <source>cannot open the store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/DeploymentRows.cpp" line="69"/>
        <location filename="../lib/store/DeploymentRows.cpp" line="105"/>
        <source>no deployment with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/KubernetesRows.cpp" line="57"/>
        <source>%1 with that name already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/KubernetesRows.cpp" line="66"/>
        <source>no such %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/KubernetesRows.cpp" line="166"/>
        <source>no such cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/KubernetesRows.cpp" line="232"/>
        <source>no such namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Store.cpp" line="135"/>
        <location filename="../lib/store/Store.cpp" line="154"/>
        <location filename="../lib/store/Store.cpp" line="286"/>
        <source>no server with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Store.cpp" line="151"/>
        <location filename="../lib/store/Store.cpp" line="211"/>
        <source>a server named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Store.cpp" line="191"/>
        <source>no server named &apos;%1&apos; (see `fleetdeck-cli server list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/store/Store.cpp" line="280"/>
        <source>the server still has applications (%1): remove or move them first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ActivityDock</name>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="45"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="48"/>
        <source>Activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="59"/>
        <source>Remote commands run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="78"/>
        <source>Filter the activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="79"/>
        <source>Filter by server, command or purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="81"/>
        <source>Failures onl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="83"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="85"/>
        <source>Clear this list (the log of the session is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/activity/ActivityDock.cpp" line="86"/>
        <source>Secret arguments and every input are masked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ActivityTableModel</name>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="73"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="75"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="76"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="91"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="93"/>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="101"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="102"/>
        <source>Started %1 UTC, took %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="104"/>
        <source>Input: secret (not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="106"/>
        <source>Input: %1 bytes (not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="108"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="127"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="128"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="129"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="130"/>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="131"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ActivityTableModel.cpp" line="132"/>
        <source>Purpose / error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::AddServerWizard</name>
    <message>
        <location filename="../ui/servers/AddServerWizard.cpp" line="17"/>
        <source>Add server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/AddServerWizard.cpp" line="40"/>
        <source>Edit server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/AddServerWizard.cpp" line="104"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ApplicationForm</name>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="64"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="66"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="66"/>
        <source>web (lower case letters, digits, &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="67"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="67"/>
        <source>optional: shop (groups applications; same rules as names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="70"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="71"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="71"/>
        <source>nginx:1.27 or registry.example.com/team/app:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="72"/>
        <source>Build source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="72"/>
        <source>optional: a folder with a Dockerfile, or a git URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="73"/>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="73"/>
        <source>8080, 9090 (the first is the main port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="74"/>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="74"/>
        <source>app.example.com, www.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="75"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="76"/>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="77"/>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="78"/>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="79"/>
        <source>&amp;Build source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="80"/>
        <source>&amp;Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="81"/>
        <source>&amp;Domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="84"/>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="88"/>
        <source>Environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="89"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="89"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="89"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="95"/>
        <source>&amp;Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="97"/>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="99"/>
        <source>Show secret &amp;values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="131"/>
        <source>Health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="133"/>
        <source>Health check path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="133"/>
        <source>/health (empty: no HTTP check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="134"/>
        <source>Health check port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="135"/>
        <source>main port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="136"/>
        <source>Health check interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="136"/>
        <location filename="../ui/applications/ApplicationForm.cpp" line="137"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="137"/>
        <source>Health check timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="138"/>
        <source>Health check retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="139"/>
        <source>Pat&amp;h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="140"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="141"/>
        <source>Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="142"/>
        <source>Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="143"/>
        <source>Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="146"/>
        <source>Limits and reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="148"/>
        <source>CPU limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="148"/>
        <source>e.g. 0.5 (CPUs) or 500m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="149"/>
        <source>Memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="149"/>
        <source>e.g. 512m (Docker) or 512Mi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="150"/>
        <source>CPU reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="150"/>
        <source>e.g. 0.25 or 250m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="151"/>
        <source>Memory reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="151"/>
        <source>e.g. 256m or 256Mi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="158"/>
        <source>CPU limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="159"/>
        <source>CPU reservation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="161"/>
        <source>Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="162"/>
        <source>Memory reservation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="172"/>
        <location filename="../ui/applications/ApplicationForm.cpp" line="269"/>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="189"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="227"/>
        <location filename="../ui/applications/ApplicationForm.cpp" line="233"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="229"/>
        <source>%1 CPUs = %2 on Kubernetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="235"/>
        <source>%1 (Docker) = %2 (Kubernetes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="237"/>
        <source>Limit: %1 · reservation: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="238"/>
        <source>Limit: %1 · reservation: %2. Binary units; a bare 512M is refused as ambiguous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="269"/>
        <source>&amp;Create application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationForm.cpp" line="337"/>
        <source>&apos;%1&apos; is not a port number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ApplicationStatusModel</name>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="91"/>
        <source>%1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="133"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="136"/>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="147"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="148"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="149"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="150"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="151"/>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationStatusModel.cpp" line="152"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ApplicationsPanel</name>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="37"/>
        <source>%1: %2 %3/%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="53"/>
        <source>deploying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="70"/>
        <source>Application actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="81"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="89"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="89"/>
        <source>Create an application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="91"/>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="91"/>
        <source>Deploy the saved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="92"/>
        <source>Scale +1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="92"/>
        <source>One replica more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="93"/>
        <source>Scale −1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="93"/>
        <source>One replica less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="94"/>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="94"/>
        <source>Replace every replica with a fresh one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="95"/>
        <source>Roll&amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="95"/>
        <source>Back to the previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="96"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="96"/>
        <source>Stop every replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="98"/>
        <source>&amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="98"/>
        <source>The commands a deploy would run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="99"/>
        <source>&amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="99"/>
        <source>Open a live log window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="100"/>
        <source>&amp;Exec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="100"/>
        <source>Run a command in a replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="106"/>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="109"/>
        <source>Show the applications of a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="111"/>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="225"/>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="129"/>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="157"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="158"/>
        <source>&amp;Orchestration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="159"/>
        <source>De&amp;ployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="160"/>
        <source>Reso&amp;urces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="180"/>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="180"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="182"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="229"/>
        <source>(no project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="254"/>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="254"/>
        <source>%1 in project %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="256"/>
        <source>&lt;h2&gt;No applications yet&lt;/h2&gt;&lt;p&gt;&lt;a href=&quot;new&quot;&gt;New application…&lt;/a&gt; (Ctrl+Shift+N), or from a script: &lt;code&gt;fleetdeck-cli app add NAME --server SERVER --image IMAGE&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="258"/>
        <source>&lt;h2&gt;No applications on %1&lt;/h2&gt;&lt;p&gt;&lt;a href=&quot;new&quot;&gt;New application…&lt;/a&gt; (Ctrl+Shift+N), or from a script: &lt;code&gt;fleetdeck-cli app add NAME --server %1 --image IMAGE&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="312"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="391"/>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="395"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="405"/>
        <source>deployment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="410"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="426"/>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="426"/>
        <source>deploying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="457"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="457"/>
        <source>scaling to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="470"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="470"/>
        <source>restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="477"/>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="477"/>
        <source>Roll %1 back to its previous version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="481"/>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="481"/>
        <source>rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="487"/>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="492"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="487"/>
        <source>Stop every replica of %1? It serves nothing until it is deployed or scaled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/ApplicationsPanel.cpp" line="492"/>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::CheckReportView</name>
    <message>
        <location filename="../ui/servers/CheckReportView.cpp" line="25"/>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/CheckReportView.cpp" line="49"/>
        <source>Not checked yet. Detect asks the server what it runs; Test connection checks the chosen orchestrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ClusterForm</name>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="22"/>
        <location filename="../ui/servers/ClusterForm.cpp" line="26"/>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="27"/>
        <source>New &amp;cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="29"/>
        <location filename="../ui/servers/ClusterForm.cpp" line="217"/>
        <source>Remove cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="31"/>
        <source>Cluster name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="34"/>
        <source>Kubeconfig context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="35"/>
        <source>API endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="36"/>
        <source>Kubernetes version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="37"/>
        <source>Save cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="41"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="42"/>
        <source>Con&amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="43"/>
        <source>API endpo&amp;int:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="44"/>
        <source>V&amp;ersion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="52"/>
        <source>A cluster uses the credentials of a context of this server&apos;s kubeconfig (Kubeconfig tab); they are stored encrypted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="130"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="131"/>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="185"/>
        <source>the API endpoint is a URL like https://10.0.0.5:6443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="186"/>
        <source>Not saved: the API endpoint is a URL like https://10.0.0.5:6443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="189"/>
        <location filename="../ui/servers/ClusterForm.cpp" line="202"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="207"/>
        <source>Cluster %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="218"/>
        <source>Remove cluster %1 and its namespaces from Fleetdeck? Nothing changes in the cluster itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ClusterForm.cpp" line="222"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionPage</name>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="25"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="26"/>
        <source>How Fleetdeck reaches the server over SSH. Nothing is stored before the last step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="30"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="31"/>
        <source>web-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="34"/>
        <source>Host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="35"/>
        <source>203.0.113.10 or web-1.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="38"/>
        <source>SSH port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="43"/>
        <source>SSH user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="45"/>
        <source>Key fi&amp;le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="47"/>
        <source>SSH a&amp;gent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="49"/>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="64"/>
        <location filename="../ui/servers/ConnectionPage.cpp" line="221"/>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="69"/>
        <source>Br&amp;owse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="71"/>
        <source>Choose the private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="77"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="79"/>
        <source>only if the key is protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="82"/>
        <source>SSH password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="86"/>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="87"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="88"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="89"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="90"/>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="93"/>
        <source>Private &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="96"/>
        <source>Passph&amp;rase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="97"/>
        <source>Pa&amp;ssword:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="169"/>
        <source>&apos;%1&apos; is already the name of another server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ConnectionPage.cpp" line="171"/>
        <source>%1 does not exist or cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::DeploymentsView</name>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="30"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="30"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="41"/>
        <source>Show &amp;plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="43"/>
        <source>The exact commands or manifests a deploy would run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="44"/>
        <source>&amp;Cancel deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="56"/>
        <source>Deployment history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="57"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="65"/>
        <source>Deployment log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="122"/>
        <source>
(exit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="192"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="194"/>
        <source>Deployment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="205"/>
        <source>Cancel requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="219"/>
        <source>No plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/deployments/DeploymentsView.cpp" line="228"/>
        <source>Deploy plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::DetectionPage</name>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="30"/>
        <source>Detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="31"/>
        <source>Fleetdeck logs in and looks at what the server runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="37"/>
        <source>Detecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="42"/>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="43"/>
        <source>Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="44"/>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="45"/>
        <source>kubectl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="46"/>
        <source>Kubernetes cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="49"/>
        <source>Operating system:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="50"/>
        <source>Docker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="51"/>
        <source>Swarm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="52"/>
        <source>kubectl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="53"/>
        <source>Kubernetes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="57"/>
        <source>Orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="58"/>
        <source>Standalone Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="59"/>
        <source>Docker Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="60"/>
        <source>Kubernetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="64"/>
        <source>&amp;Use the detected orchestrator settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="67"/>
        <source>&amp;Orchestrator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="75"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="133"/>
        <source>Logging in to %1@%2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="146"/>
        <source>Authentication failed: go Back and check the key or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="147"/>
        <source>Could not log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="168"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="169"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="173"/>
        <source>client %1, engine not reachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="175"/>
        <source>engine %1 (client %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="177"/>
        <source>installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="178"/>
        <source>%1, 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="178"/>
        <source>%1, %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="179"/>
        <source>no cluster answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="180"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="182"/>
        <source>Proposed because %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/DetectionPage.cpp" line="187"/>
        <source>Logged in as %1. Found:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ExecConsole</name>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="72"/>
        <source>Exec: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="76"/>
        <source>&amp;Replica:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="79"/>
        <source>Replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="81"/>
        <source>first running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="83"/>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="86"/>
        <source>Command to run in the replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="87"/>
        <source>e.g. ls -la /  (Up/Down: history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="91"/>
        <location filename="../ui/exec/ExecConsole.cpp" line="207"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="94"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="96"/>
        <source>End the running command in the replica (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="109"/>
        <source>Command output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="128"/>
        <source>Cannot list replicas: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="138"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="173"/>
        <source>Unterminated quote in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="185"/>
        <source>(first running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="207"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/exec/ExecConsole.cpp" line="226"/>
        <source>(%n line(s) left out: output came faster than it could be shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="249"/>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="250"/>
        <source>%1 (after %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/exec/ExecConsole.cpp" line="254"/>
        <source>(exit %1, %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::HostKeyPage</name>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="19"/>
        <source>Host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="20"/>
        <source>Make sure this is your server: compare the fingerprint with the one the server shows (run &lt;code&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/code&gt; on it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="27"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="34"/>
        <source>Host key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="45"/>
        <source>Warning: the host key changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="53"/>
        <source>I compared this fingerprint with the server&apos;s: &amp;trust this host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="56"/>
        <source>I know why the key changed (the server was reinstalled): &amp;replace the trusted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="61"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="102"/>
        <source>Connecting to %1:%2 and reading its host key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="114"/>
        <source>Could not read the host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="130"/>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="133"/>
        <source>The server offered this host key. Fleetdeck has never seen it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="137"/>
        <source>The server offered the host key trusted before. ✔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="139"/>
        <source>The server offered a different host key. Nothing was sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/HostKeyPage.cpp" line="140"/>
        <source>&lt;b&gt;WARNING: the host key of %1 has CHANGED.&lt;/b&gt;&lt;br&gt;Trusted before: &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;Offered now: &lt;code&gt;%3&lt;/code&gt;&lt;br&gt;This can mean that someone is intercepting the connection. Do not continue unless you know why the key changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::KubeconfigEditor</name>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="65"/>
        <source>Kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="66"/>
        <source>YAML. Errors are marked in the margin with their line; F8 jumps to the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="67"/>
        <source>Paste a kubeconfig here or load one with Load… (Ctrl+O).
Empty: kubectl on the server uses its own configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="71"/>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="74"/>
        <source>Load a kubeconfig file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="75"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="77"/>
        <source>Write this kubeconfig to a file readable only by you (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="79"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="82"/>
        <source>Validate and store encrypted with the server (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="83"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="86"/>
        <source>Ask the cluster through this server: version, nodes, namespace, permissions (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="90"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="95"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="99"/>
        <source>Con&amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="101"/>
        <source>&amp;Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="104"/>
        <source>Hide s&amp;ecret values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="106"/>
        <source>Paint client keys, tokens and passwords as bars (they stay editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="132"/>
        <source>Problems in the kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="134"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="141"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="222"/>
        <source>Test asks the cluster, through this server, for its version, nodes, namespace and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="142"/>
        <source>Cluster test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="207"/>
        <source>&lt;h3&gt;%1 — kubeconfig&lt;/h3&gt;&lt;small&gt;Stored encrypted with the server. Client keys and tokens are never written to logs.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="280"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="300"/>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="310"/>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="319"/>
        <source>No kubeconfig: kubectl on the server uses its own configuration (~/.kube/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="321"/>
        <source>✖ Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="321"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="500"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="528"/>
        <source>✖ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="326"/>
        <source>✔ Valid: %1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="327"/>
        <source>%1 context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="327"/>
        <source>%1 contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="328"/>
        <source>%1 cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="328"/>
        <source>%1 clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="329"/>
        <source>%1 user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="329"/>
        <source>%1 users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="331"/>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="331"/>
        <source>%1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="331"/>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="347"/>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="349"/>
        <source>cluster %1, user %2, namespace %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="350"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="400"/>
        <source>the kubeconfig is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="401"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="410"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="432"/>
        <source>✖ Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="416"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="440"/>
        <source>✔ Saved, encrypted in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="454"/>
        <source>Asking the cluster%1 through %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="455"/>
        <source> (context %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="484"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="490"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="492"/>
        <source>%1 is larger than 8 MB: not a kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="495"/>
        <source>%1 is a binary file, not a kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="518"/>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="523"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="530"/>
        <source>✔ Written to %1 (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="536"/>
        <source>Load kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/kubeconfig/KubeconfigEditor.cpp" line="547"/>
        <source>Export kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::LogFeed</name>
    <message>
        <location filename="../ui/logs/LogFeed.cpp" line="40"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/logs/LogFeed.cpp" line="56"/>
        <source>Reconnected: streaming %n replica(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/logs/LogFeed.cpp" line="57"/>
        <source>Streaming %n replica(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/logs/LogFeed.cpp" line="67"/>
        <source>Cannot follow the logs (%1); retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogFeed.cpp" line="95"/>
        <source>The log stream ended; reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogFeed.cpp" line="96"/>
        <source>Connection lost (%1); reconnecting in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogFeed.cpp" line="105"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::LogView</name>
    <message>
        <location filename="../ui/logs/LogView.cpp" line="65"/>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogView.cpp" line="465"/>
        <source>No line matches the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogView.cpp" line="465"/>
        <source>No log lines yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::LogWindow</name>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="37"/>
        <source>Logs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="59"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="62"/>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="67"/>
        <source>Keep the newest line in view (Ctrl+End). Scrolling up turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="71"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="75"/>
        <source>Hold new lines back (they are kept, up to the line limit) (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="82"/>
        <source>&amp;Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="88"/>
        <source>&amp;Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="95"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="103"/>
        <source>&amp;Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="107"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="113"/>
        <source>Since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="117"/>
        <source>Show lines since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="118"/>
        <source>tail only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="119"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="120"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="121"/>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="124"/>
        <source> Tail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="128"/>
        <source>Lines per replica to start with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="131"/>
        <source> lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="134"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="137"/>
        <source>Follow again with this since/tail choice (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="142"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="147"/>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="148"/>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="164"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="168"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="181"/>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="181"/>
        <source>searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="183"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/logs/LogWindow.cpp" line="183"/>
        <source>%n hit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="188"/>
        <source>Filter: only lines containing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="189"/>
        <source>Filter lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="195"/>
        <source>Show replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="196"/>
        <source>All replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="213"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="355"/>
        <source>%L1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="357"/>
        <source> · %L1 dropped (limit %L2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="359"/>
        <source> · paused, %L1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="365"/>
        <source>Save log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="366"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="377"/>
        <source>Copying %L1 lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="381"/>
        <source>Copied %L1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="390"/>
        <source>Saving %L1 lines to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="401"/>
        <source>Saved %L1 lines to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logs/LogWindow.cpp" line="402"/>
        <source>Cannot save to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::MainWindow</name>
    <message>
        <source>Add server…</source>
        <translation type="vanished">Server hinzufügen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="vanished">Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="38"/>
        <source>Opening %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="47"/>
        <location filename="../ui/main/MainWindow.cpp" line="277"/>
        <source>Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="62"/>
        <source>&lt;h2&gt;Opening the store…&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="75"/>
        <source>Server details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="76"/>
        <location filename="../ui/main/MainWindow.cpp" line="164"/>
        <source>&amp;Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="77"/>
        <source>&amp;Orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="78"/>
        <location filename="../ui/main/MainWindow.cpp" line="166"/>
        <source>&amp;Kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="79"/>
        <source>Cl&amp;usters &amp;&amp; namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="80"/>
        <source>Applications on this server: live status, deploy, scale, logs, exec, resources (Alt+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="82"/>
        <source>Orchestrator settings, Detect and Test connection (Alt+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="83"/>
        <source>The kubeconfig used for Kubernetes (Alt+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="84"/>
        <source>Clusters, namespaces, quotas and limit ranges (Alt+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="115"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="120"/>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="123"/>
        <source>Add a server reached over SSH (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="125"/>
        <source>&amp;Edit server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="128"/>
        <source>Change the connection of the selected server (Ctrl+E, or Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="130"/>
        <source>&amp;Remove server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="134"/>
        <source>Remove the selected server from Fleetdeck (Delete in the server list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="137"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="140"/>
        <source>Reload and check the connection of every server (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="148"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="149"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="153"/>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="160"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="161"/>
        <source>&amp;Server list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="165"/>
        <source>&amp;Orchestrator settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="167"/>
        <source>&amp;Clusters and namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="175"/>
        <source>Activity &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="180"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="181"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="184"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="185"/>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add a server&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;, Enter&lt;/td&gt;&lt;td&gt;Edit the selected server&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Remove the selected server (in the list)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh and check every server&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Server list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1…4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Applications, Orchestrator, Kubeconfig, Clusters&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the current form&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+D&lt;/b&gt; / &lt;b&gt;Ctrl+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Detect / Test connection&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Load a kubeconfig file&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next problem in the kubeconfig&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Show or hide the activity log&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="216"/>
        <source>Cannot open the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="217"/>
        <source>&lt;h2&gt;Cannot open the store&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="233"/>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="279"/>
        <source>&lt;h2&gt;No server yet&lt;/h2&gt;&lt;p&gt;Add a server reached over SSH with &lt;b&gt;Add server…&lt;/b&gt; (Ctrl+N), or deploy on this machine.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="286"/>
        <source>%1 — Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="303"/>
        <location filename="../ui/main/MainWindow.cpp" line="325"/>
        <source>%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="360"/>
        <source>Remove server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="361"/>
        <source>Remove &lt;b&gt;%1&lt;/b&gt; from Fleetdeck? Nothing on the server changes; its applications must be removed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="365"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="375"/>
        <source>%1 was not removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/MainWindow.cpp" line="378"/>
        <source>%1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NamespaceForm</name>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="21"/>
        <location filename="../ui/servers/NamespaceForm.cpp" line="26"/>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="28"/>
        <source>Namespace name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="30"/>
        <source>New namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="32"/>
        <source>Remove namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="34"/>
        <source>Save namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="39"/>
        <source>Namespace na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="69"/>
        <source>Namespaces of cluster &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="70"/>
        <source>Save the cluster first, then add its namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="100"/>
        <source>no quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="100"/>
        <source>1 quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="100"/>
        <source>%1 quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="101"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="169"/>
        <location filename="../ui/servers/NamespaceForm.cpp" line="181"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/NamespaceForm.cpp" line="186"/>
        <source>Namespace %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OrchestrationForm</name>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="58"/>
        <source>Re&amp;plicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="61"/>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="64"/>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="189"/>
        <source>Scale &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="66"/>
        <source>Change the number of running replicas now, without a redeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="74"/>
        <source>Swarm placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="78"/>
        <source>Placement constraints, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="79"/>
        <source>One per line, for example:
node.role==worker
node.labels.disk==ssd
node.hostname!=build-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="85"/>
        <source>Kubernetes placement and service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="87"/>
        <source>Node selector (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="87"/>
        <source>{&quot;disktype&quot;: &quot;ssd&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="88"/>
        <source>Tolerations (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="89"/>
        <source>[{&quot;key&quot;: &quot;dedicated&quot;, &quot;operator&quot;: &quot;Equal&quot;, &quot;value&quot;: &quot;gpu&quot;, &quot;effect&quot;: &quot;NoSchedule&quot;}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="90"/>
        <source>Affinity (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="90"/>
        <source>{&quot;nodeAffinity&quot;: {...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="91"/>
        <source>Pod labels (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="91"/>
        <source>{&quot;team&quot;: &quot;shop&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="92"/>
        <source>Service annotations (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="93"/>
        <source>{&quot;service.beta.kubernetes.io/aws-load-balancer-type&quot;: &quot;nlb&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="96"/>
        <source>Service type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="99"/>
        <source>Node &amp;selector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="100"/>
        <source>&amp;Tolerations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="101"/>
        <source>&amp;Affinity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="102"/>
        <source>Pod &amp;labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="103"/>
        <source>Service a&amp;nnotations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="104"/>
        <source>Service t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="117"/>
        <source>&amp;Save orchestration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="150"/>
        <source>&lt;b&gt;%1&lt;/b&gt; runs standalone Docker: no orchestrator, so placement and service settings are unavailable. Replicas are that many named containers on this one server. Set an orchestrator in the server&apos;s settings to use Swarm or Kubernetes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="157"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is a Swarm manager: the application runs as a Swarm service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="161"/>
        <source>&lt;b&gt;%1&lt;/b&gt; runs Kubernetes: the application is a Deployment and a Service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="189"/>
        <source>Scaling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="259"/>
        <source>Saved. Placement and service changes apply at the next deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/applications/OrchestrationForm.cpp" line="260"/>
        <source>Saved. Use Scale now to change the running replicas without a redeploy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OrchestratorSettingsForm</name>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="63"/>
        <source>Orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="64"/>
        <source>Standalone Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="65"/>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="85"/>
        <source>Docker Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="66"/>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="113"/>
        <source>Kubernetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="69"/>
        <source>&amp;Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="71"/>
        <source>&amp;Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="82"/>
        <source>Port publish mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="83"/>
        <source>ingress (routing mesh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="84"/>
        <source>host (no IPVS needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="88"/>
        <source>This node is a:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="89"/>
        <source>Pu&amp;blish ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="92"/>
        <source>Control plane (&amp;master)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="94"/>
        <source>Wo&amp;rker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="100"/>
        <source>Kubernetes version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="100"/>
        <source>filled by Detect, e.g. v1.32.4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="103"/>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="107"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="108"/>
        <source>Create &amp;ingresses for domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="110"/>
        <source>Ingress class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="111"/>
        <source>Certificate issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="111"/>
        <source>cert-manager ClusterIssuer, e.g. letsencrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="112"/>
        <source>Storage class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="112"/>
        <source>cluster default when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="116"/>
        <source>This server is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="117"/>
        <source>V&amp;ersion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="118"/>
        <source>&amp;Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="120"/>
        <source>In&amp;gress class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="121"/>
        <source>Cer&amp;tificate issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="122"/>
        <source>Storage class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="125"/>
        <source>Or&amp;chestrator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="127"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="130"/>
        <source>Ask the server what it runs and fill the form (Ctrl+D). Nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="131"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="134"/>
        <source>Check the orchestrator as set in this form: engine, nodes, namespace, permissions (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="135"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="137"/>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="340"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="140"/>
        <source>Validate and save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="171"/>
        <source>Detection and connection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="236"/>
        <source>&lt;h3&gt;%1 — orchestrator&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="340"/>
        <source>Save*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="384"/>
        <source>&apos;%1&apos; is not a version like v1.32.4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="389"/>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="406"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="413"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="429"/>
        <source>Detecting what %1 runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="461"/>
        <source>Node %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="461"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="461"/>
        <source>NotReady (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="464"/>
        <source>Cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="465"/>
        <source>Proposed: %1 — because %2. Review, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/OrchestratorSettingsForm.cpp" line="476"/>
        <source>Testing %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::QuotaLimitsEditor</name>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="27"/>
        <source>Default limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="28"/>
        <source>Default request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="29"/>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="30"/>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="45"/>
        <source>&apos;%1&apos; is not an unambiguous size: write binary units like 512Mi or 4Gi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="74"/>
        <source>Resource quota: resource and hard limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="75"/>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="75"/>
        <source>Hard limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="80"/>
        <source>Add ro&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="84"/>
        <source>Limit range per container: CPU and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="85"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="85"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="97"/>
        <source>Resource &amp;quota (empty = no limit; CPU: 2 or 500m; memory: 4Gi):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="100"/>
        <source>Limit &amp;range per container:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="156"/>
        <source>quota resource &apos;%1&apos; is not a resource name like requests.cpu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="158"/>
        <source>quota %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/QuotaLimitsEditor.cpp" line="170"/>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ResourceCharts</name>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="28"/>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="52"/>
        <source>CPU per replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="52"/>
        <source>% of one CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="53"/>
        <source>Memory per replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="53"/>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="59"/>
        <source>CPU per replica chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="63"/>
        <source>Memory per replica chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="70"/>
        <location filename="../ui/resources/ResourceCharts.cpp" line="96"/>
        <source>Select an application to see its CPU and memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="96"/>
        <source>Loading metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="142"/>
        <source>Metrics not available.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="144"/>
        <source>Cannot read metrics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resources/ResourceCharts.cpp" line="146"/>
        <source>Metrics not available: no replica is running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ServerListModel</name>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="10"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="11"/>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="12"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="13"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="14"/>
        <source>host key unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="15"/>
        <source>host key CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="16"/>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="17"/>
        <source>check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="66"/>
        <source>Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="66"/>
        <source>Docker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="68"/>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="68"/>
        <source>Swarm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="71"/>
        <source>Kubernetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="71"/>
        <source>Kubernetes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="83"/>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="89"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="93"/>
        <source>Host key not trusted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="93"/>
        <source>Host key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="95"/>
        <source>Checked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ServerListModel.cpp" line="99"/>
        <source>Server %1, %2, %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ServerPanel</name>
    <message>
        <location filename="../ui/servers/ServerPanel.cpp" line="58"/>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ServerPanel.cpp" line="59"/>
        <source>Each server with its connection state and orchestrator. Enter edits the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/servers/ServerPanel.cpp" line="74"/>
        <source>&lt;b&gt;Servers&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::validation</name>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="33"/>
        <source>invalid JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="47"/>
        <source>must be a JSON object like {&quot;key&quot;: &quot;value&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="57"/>
        <source>value of &apos;%1&apos; must be a string (write &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="77"/>
        <location filename="../lib/domain/Validation.cpp" line="89"/>
        <location filename="../lib/domain/Validation.cpp" line="416"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="79"/>
        <source>&apos;%1&apos; is longer than 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="81"/>
        <source>&apos;%1&apos; must be lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit (RFC 1123), e.g. my-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="91"/>
        <source>is longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="94"/>
        <source>&apos;%1&apos; must be dot-separated lower-case RFC 1123 labels, e.g. example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="103"/>
        <source>key &apos;%1&apos; must be name or prefix/name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="107"/>
        <source>prefix of key &apos;%1&apos; must be a DNS subdomain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="109"/>
        <source>key &apos;%1&apos; must be at most 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="119"/>
        <source>value &apos;%1&apos; must be at most 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="127"/>
        <source>%1 is out of range: replicas must be between 0 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="134"/>
        <source>%1 is not a port: use 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="144"/>
        <source>&apos;%1&apos; is not a fully qualified domain like app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="147"/>
        <source>&apos;%1&apos; is not a valid domain: use lower-case letters, digits, &apos;-&apos; and dots, e.g. app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="155"/>
        <source>&apos;%1&apos; is not a variable name: use letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="167"/>
        <source>&apos;%1&apos; is not a placement constraint: write ATTRIBUTE == VALUE or !=, e.g. node.role == manager, node.labels.disk == ssd, node.hostname != web-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="172"/>
        <source>node.role can only be manager or worker, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="179"/>
        <source>is required (e.g. nginx:1.27 or registry.local/app:1.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="184"/>
        <source>&apos;%1&apos; is not an image reference: use lower-case name[:tag], e.g. nginx:1.27</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="192"/>
        <source>&apos;%1&apos; must be 1-63 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="200"/>
        <source>is required (a host name or IP address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="205"/>
        <source>&apos;%1&apos; is neither a host name nor an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="212"/>
        <source>&apos;%1&apos; is not a user name: lower-case letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="221"/>
        <source>&apos;%1&apos; must be an HTTP path starting with &apos;/&apos;, e.g. /healthz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="228"/>
        <source>&apos;%1&apos; is not a SHA256 fingerprint like SHA256:abc...(43 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="246"/>
        <source>each toleration must be an object like {&quot;key&quot;: &quot;dedicated&quot;, &quot;operator&quot;: &quot;Equal&quot;, &quot;value&quot;: &quot;gpu&quot;, &quot;effect&quot;: &quot;NoSchedule&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="251"/>
        <source>unknown field &apos;%1&apos; (allowed: key, operator, value, effect, tolerationSeconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="254"/>
        <source>&apos;%1&apos; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="258"/>
        <source>operator must be Equal or Exists, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="261"/>
        <source>an empty key needs operator Exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="266"/>
        <source>operator Exists takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="272"/>
        <source>effect must be NoSchedule, PreferNoSchedule or NoExecute, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="275"/>
        <source>tolerationSeconds must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="277"/>
        <source>tolerationSeconds only applies to effect NoExecute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="289"/>
        <source>unknown field &apos;%1&apos; (allowed: nodeAffinity, podAffinity, podAntiAffinity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="292"/>
        <source>&apos;%1&apos; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="319"/>
        <source>must be a JSON array of tolerations, e.g. [{&quot;key&quot;: &quot;dedicated&quot;, &quot;operator&quot;: &quot;Equal&quot;, &quot;value&quot;: &quot;gpu&quot;, &quot;effect&quot;: &quot;NoSchedule&quot;}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="358"/>
        <source>quota &apos;%1&apos; must be a quantity string like &quot;2&quot; or &quot;4Gi&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="372"/>
        <source>unknown field &apos;%1&apos; (allowed: default, defaultRequest, max, min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="374"/>
        <source>&apos;%1&apos; must be an object like {&quot;cpu&quot;: &quot;500m&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="388"/>
        <source>key authentication needs a private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="390"/>
        <source>password authentication needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="403"/>
        <source>must be ingress or host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="405"/>
        <source>a node is a swarm manager or a worker, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="422"/>
        <source>%1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="428"/>
        <source>an application with a domain needs a port to route to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="433"/>
        <source>&apos;%1&apos; is set twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="435"/>
        <source>value of &apos;%1&apos; contains a NUL byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="442"/>
        <source>interval, timeout and retries must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="444"/>
        <source>an HTTP health check needs a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="461"/>
        <source>is more than the CPU limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="463"/>
        <source>is more than the memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="467"/>
        <source>must be no, always, unless-stopped or on-failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="469"/>
        <source>&apos;%1&apos; is not a Docker network name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/domain/Validation.cpp" line="501"/>
        <source>the API endpoint is a URL like https://10.0.0.5:6443</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
