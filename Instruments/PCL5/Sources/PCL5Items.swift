import StepCareCore

/// The five answers, scored 0–4 [V: CamCOPS pcl5.xml; Awell pcl_5_inputs.ts].
let pcl5Options = [
    ResponseOption(0, "Not at all"), ResponseOption(1, "A little bit"), ResponseOption(2, "Moderately"),
    ResponseOption(3, "Quite a bit"), ResponseOption(4, "Extremely"),
]

/// The 20 items as printed after the stem "In the past month, how much were you bothered by:". CamCOPS
/// `server/camcops_server/extra_strings/pcl5.xml` and Awell `src/scores/pcl_5/definition/pcl_5_inputs.ts` give
/// the same words (CamCOPS drops the question mark of item 10, a typo; Awell writes each in lower case after
/// the stem).
let pcl5Wording = [
    "Repeated, disturbing, and unwanted memories of the stressful experience?",
    "Repeated, disturbing dreams of the stressful experience?",
    "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were "
        + "actually back there reliving it)?",
    "Feeling very upset when something reminded you of the stressful experience?",
    "Having strong physical reactions when something reminded you of the stressful experience (for example, "
        + "heart pounding, trouble breathing, sweating)?",
    "Avoiding memories, thoughts, or feelings related to the stressful experience?",
    "Avoiding external reminders of the stressful experience (for example, people, places, conversations, "
        + "activities, objects, or situations)?",
    "Trouble remembering important parts of the stressful experience?",
    "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts "
        + "such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is "
        + "completely dangerous)?",
    "Blaming yourself or someone else for the stressful experience or what happened after it?",
    "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
    "Loss of interest in activities that you used to enjoy?",
    "Feeling distant or cut off from other people?",
    "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings "
        + "for people close to you)?",
    "Irritable behavior, angry outbursts, or acting aggressively?",
    "Taking too many risks or doing things that could cause you harm?",
    "Being “superalert” or watchful or on guard?",
    "Feeling jumpy or easily startled?",
    "Having difficulty concentrating?",
    "Trouble falling or staying asleep?",
]

/// A DSM-5 symptom cluster: its items, summed as a subscale, and how many of them must be symptoms (rated 2
/// "Moderately" or more) for the provisional diagnosis [V: Awell determine_ptss_indication.ts; CamCOPS ptsd()].
struct PCL5Cluster: Sendable {
    let subscale: Subscale
    let symptomsNeeded: Int
}

let pcl5Clusters = [
    PCL5Cluster(
        subscale: Subscale(id: "cluster-b", name: "Intrusion (cluster B)", items: Array(1...5)), symptomsNeeded: 1),
    PCL5Cluster(subscale: Subscale(id: "cluster-c", name: "Avoidance (cluster C)", items: [6, 7]), symptomsNeeded: 1),
    PCL5Cluster(
        subscale: Subscale(
            id: "cluster-d", name: "Negative alterations in cognitions and mood (cluster D)", items: Array(8...14)),
        symptomsNeeded: 2),
    PCL5Cluster(
        subscale: Subscale(
            id: "cluster-e", name: "Alterations in arousal and reactivity (cluster E)", items: Array(15...20)),
        symptomsNeeded: 2),
]

/// The lowest answer that counts an item as a symptom: 2, "Moderately".
let pcl5SymptomThreshold = 2
