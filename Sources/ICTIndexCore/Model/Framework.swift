import Localization
public import OrderedCollections

/// A criteria set (bộ tiêu chí): one validated YAML file, as an immutable value.
///
/// Build one with `FrameworkLoader` (module ICTIndexCriteria) from a file, or in code for tests.
/// The nodes are kept in tree order (pre-order: a pillar, then its children).
public struct Framework: Hashable, Sendable {
    /// Whether ranks use the published (rounded) or the exact score.
    public enum RankOn: String, Hashable, Sendable {
        case rounded
        case exact
    }

    /// The schema id every file starts with.
    public static let schema = "ictindex/v1"

    public var id: String
    public var name: LocalizedText
    public var edition: String?
    /// Who publishes the results and where forms go; ``Publication/provinceDefault`` when the file has no block.
    public var publication: Publication
    /// Scores of the root lie in [0, scale].
    public var scale: Double
    /// Published rounding of every score.
    public var decimals: Int
    public var rankOn: RankOn
    /// The ranking groups; one group `all` when the file defines none.
    public var groups: OrderedDictionary<GroupID, Group>
    /// Whether the file defined its own groups.
    public var definesGroups: Bool
    /// Highest first.
    public var bands: [Band]
    public var variables: OrderedDictionary<VariableID, Variable>
    /// Every node in pre-order; the first is the root.
    public var nodes: OrderedDictionary<NodeID, Node>
    public var rootID: NodeID
    public var deductions: [Deduction]
    /// What happens to a required value that comes without evidence (`evidence_policy`, default `refuse`).
    public var evidencePolicy: Variable.EvidencePolicy = .refuse
    /// The file the framework was read from.
    public var sourceFile: String?
    /// The YAML text as read, kept for the method sheet and the database.
    public var sourceText: String?

    public init(
        id: String, name: LocalizedText, edition: String? = nil, scale: Double = 100, decimals: Int = 2,
        rankOn: RankOn = .rounded, publication: Publication = .provinceDefault, groups: [Group] = [],
        bands: [Band] = [], variables: [Variable],
        nodes: [Node], rootID: NodeID, deductions: [Deduction] = [], sourceFile: String? = nil,
        sourceText: String? = nil
    ) {
        self.id = id
        self.name = name
        self.edition = edition
        self.scale = scale
        self.decimals = decimals
        self.rankOn = rankOn
        self.publication = publication
        self.definesGroups = !groups.isEmpty
        let allGroups = groups.isEmpty ? [Group(id: .all, name: LocalizedText(vi: "Tất cả", en: "All"))] : groups
        self.groups = OrderedDictionary(uniqueKeysWithValues: allGroups.map { ($0.id, $0) })
        self.bands = bands
        self.variables = OrderedDictionary(uniqueKeysWithValues: variables.map { ($0.id, $0) })
        self.nodes = OrderedDictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0) })
        self.rootID = rootID
        self.deductions = deductions
        self.sourceFile = sourceFile
        self.sourceText = sourceText
    }

    /// The root node.
    public var root: Node {
        guard let root = nodes[rootID] else { preconditionFailure("framework \(id) has no root node \(rootID)") }
        return root
    }

    /// A node by id.
    ///
    /// - Precondition: the id belongs to the framework.
    public func node(_ id: NodeID) -> Node {
        guard let node = nodes[id] else { preconditionFailure("framework \(self.id) has no node \(id)") }
        return node
    }

    /// The pillars directly under the root.
    public var pillars: [Node] { root.children.map(node) }

    /// Whether the framework is published as points (its root is `aggregate: sum`, so the weights are the decree's
    /// maximum points): the table, the Excel annex and the CSV then give each node's points; an index such as the
    /// ICT Index, the DTI or the EGDI (a weighted mean at the root) is read as values on `[0, scale]`.
    public var publishesPoints: Bool {
        if case .pillar(.sum, _) = root.kind { return true }
        return false
    }

    /// Every indicator, in tree order.
    public var indicators: [Node] { nodes.values.filter(\.isIndicator) }

    /// The variables a unit reports (not derived), in file order.
    public var reportedVariables: [Variable] { variables.values.filter { !$0.isDerived } }

    /// Ids of the node and its ancestors, from the root down.
    public func path(to id: NodeID) -> [NodeID] {
        var path: [NodeID] = []
        var current: NodeID? = id
        while let c = current {
            path.append(c)
            current = nodes[c]?.parent
        }
        return path.reversed()
    }

    /// The band of a published root score: the first band whose bound it meets.
    public func band(for publishedScore: Double) -> Band? {
        bands.first { $0.bound.isMet(by: publishedScore) }
    }

    /// Rounds a score the way the framework publishes it (half away from zero, on the decimal value).
    public func publish(_ score: Double) -> Double {
        Rounding.round(score, decimals: decimals)
    }
}
