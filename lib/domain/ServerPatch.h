// ServerPatch: a change of some fields of one server, each field set only when it changes; the
// store applies it to the row as stored, inside one transaction. The named groups are the fields
// one form or command edits (connection, orchestrator settings, kubeconfig).
#pragma once

#include "domain/Server.h"

#include <optional>

namespace fleetdeck {

struct ServerPatch {
    // connection
    std::optional<QString> name;
    std::optional<QString> host;
    std::optional<int> port;
    std::optional<QString> user;
    std::optional<AuthMethod> auth;
    std::optional<QString> identityFile;
    std::optional<QString> secret;
    std::optional<QString> hostKeyFingerprint;
    // orchestrator settings
    std::optional<Orchestrator> orchestrator;
    std::optional<bool> swarmManager;
    std::optional<bool> swarmWorker;
    std::optional<QString> swarmPublishMode;
    std::optional<bool> kubernetesMaster;
    std::optional<bool> kubernetesWorker;
    std::optional<QString> kubernetesVersion;
    std::optional<QString> kubernetesNamespace;   // in both the settings and the kubeconfig group
    std::optional<bool> useIngress;
    std::optional<QString> ingressClass;
    std::optional<QString> certIssuer;
    std::optional<QString> storageClass;
    // kubeconfig
    std::optional<QString> kubeconfig;
    std::optional<QString> kubeContext;

    bool operator==(const ServerPatch &) const = default;
    bool isEmpty() const { return *this == ServerPatch{}; }

    void applyTo(Server &s) const
    {
        auto put = [](auto &field, const auto &value) {
            if (value)
                field = *value;
        };
        put(s.name, name);
        put(s.host, host);
        put(s.port, port);
        put(s.user, user);
        put(s.auth, auth);
        put(s.identityFile, identityFile);
        put(s.secret, secret);
        put(s.hostKeyFingerprint, hostKeyFingerprint);
        ServerSettings &t = s.settings;
        put(t.orchestrator, orchestrator);
        put(t.swarmManager, swarmManager);
        put(t.swarmWorker, swarmWorker);
        put(t.swarmPublishMode, swarmPublishMode);
        put(t.kubernetesMaster, kubernetesMaster);
        put(t.kubernetesWorker, kubernetesWorker);
        put(t.kubernetesVersion, kubernetesVersion);
        put(t.kubernetesNamespace, kubernetesNamespace);
        put(t.useIngress, useIngress);
        put(t.ingressClass, ingressClass);
        put(t.certIssuer, certIssuer);
        put(t.storageClass, storageClass);
        put(t.kubeconfig, kubeconfig);
        put(t.kubeContext, kubeContext);
    }

    // ---- field groups: each keeps only its own fields ----

    // How Fleetdeck reaches the server (the add/edit wizard, `server trust`).
    ServerPatch connectionPart() const
    {
        ServerPatch p;
        p.name = name;
        p.host = host;
        p.port = port;
        p.user = user;
        p.auth = auth;
        p.identityFile = identityFile;
        p.secret = secret;
        p.hostKeyFingerprint = hostKeyFingerprint;
        return p;
    }
    // The orchestrator settings form: everything in ServerSettings but the kubeconfig and its context.
    ServerPatch settingsPart() const
    {
        ServerPatch p;
        p.orchestrator = orchestrator;
        p.swarmManager = swarmManager;
        p.swarmWorker = swarmWorker;
        p.swarmPublishMode = swarmPublishMode;
        p.kubernetesMaster = kubernetesMaster;
        p.kubernetesWorker = kubernetesWorker;
        p.kubernetesVersion = kubernetesVersion;
        p.kubernetesNamespace = kubernetesNamespace;
        p.useIngress = useIngress;
        p.ingressClass = ingressClass;
        p.certIssuer = certIssuer;
        p.storageClass = storageClass;
        return p;
    }
    // The kubeconfig editor: the kubeconfig, its context and the namespace picked from it.
    ServerPatch kubeconfigPart() const
    {
        ServerPatch p;
        p.kubeconfig = kubeconfig;
        p.kubeContext = kubeContext;
        p.kubernetesNamespace = kubernetesNamespace;
        return p;
    }

    // The fields whose value differs between `before` (what a form loaded) and `after` (what it shows
    // now): a form sends only what its user changed, so a field another window saved meanwhile stays.
    static ServerPatch changes(const Server &before, const Server &after)
    {
        ServerPatch p;
        auto diff = [](auto &field, const auto &a, const auto &b) {
            if (!(a == b))
                field = b;
        };
        diff(p.name, before.name, after.name);
        diff(p.host, before.host, after.host);
        diff(p.port, before.port, after.port);
        diff(p.user, before.user, after.user);
        diff(p.auth, before.auth, after.auth);
        diff(p.identityFile, before.identityFile, after.identityFile);
        diff(p.secret, before.secret, after.secret);
        diff(p.hostKeyFingerprint, before.hostKeyFingerprint, after.hostKeyFingerprint);
        const ServerSettings &a = before.settings;
        const ServerSettings &b = after.settings;
        diff(p.orchestrator, a.orchestrator, b.orchestrator);
        diff(p.swarmManager, a.swarmManager, b.swarmManager);
        diff(p.swarmWorker, a.swarmWorker, b.swarmWorker);
        diff(p.swarmPublishMode, a.swarmPublishMode, b.swarmPublishMode);
        diff(p.kubernetesMaster, a.kubernetesMaster, b.kubernetesMaster);
        diff(p.kubernetesWorker, a.kubernetesWorker, b.kubernetesWorker);
        diff(p.kubernetesVersion, a.kubernetesVersion, b.kubernetesVersion);
        diff(p.kubernetesNamespace, a.kubernetesNamespace, b.kubernetesNamespace);
        diff(p.useIngress, a.useIngress, b.useIngress);
        diff(p.ingressClass, a.ingressClass, b.ingressClass);
        diff(p.certIssuer, a.certIssuer, b.certIssuer);
        diff(p.storageClass, a.storageClass, b.storageClass);
        diff(p.kubeconfig, a.kubeconfig, b.kubeconfig);
        diff(p.kubeContext, a.kubeContext, b.kubeContext);
        return p;
    }
    static ServerPatch settingsChanges(const ServerSettings &before, const ServerSettings &after)
    {
        Server a, b;
        a.settings = before;
        b.settings = after;
        return changes(a, b);
    }
};

} // namespace fleetdeck
