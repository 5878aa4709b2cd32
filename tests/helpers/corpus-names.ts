/**
 * Names a maintainer of each corpus file expects to find untranslated, of every kind the names
 * finder knows: lexicon brands, capitals mid-sentence, multi-word names, commands, identifier shapes.
 */
export const expectedNames: Readonly<Record<string, readonly string[]>> = {
  'lpic-305-300.md': [
    'Docker Swarm',
    'Docker Compose',
    'Docker Engine',
    'Red Hat',
    'Red Hat Enterprise Linux',
    'Windows',
    'Harbor',
    'Helm',
    'Swarm',
    'Open vSwitch',
    'BSD Jails',
    'QEMU Guest Agent',
    'Vagrant',
    'Xen',
    'Kubernetes',
    'Proxmox',
    'containerd',
    'Podman',
    'Terraform',
    'PSScriptAnalyzer',
    'vm.clone_directory',
    'cpuid.coresPerSocket',
    'net\\_admin',
    'cloud.cfg',
    '4.x',
    'I/O',
    'configs/network',
    'E:\\\\Servers\\\\VMWare\\\\#{VM_NAME}-instance-1',
    'Amazon Web Services',
    'Amazon Elastic Container Registry',
    'Citrix Virtual Apps and Desktops',
    'VMware Horizon',
    'Microsoft Remote Desktop Services',
    'Mesosphere DC/OS',
    'GNU Tar',
    'GNU Make',
    'GNU Hurd',
    'LXD Canonical',
    'Seccomp',
    'Compose',
    'Amazon',
    'GNU Grub',
    'Kata containers',
    'Distro Watch',
    'Explainshell',
    'Testcontainers',
    'Unik',
    'crun',
    // A brand that is a dictionary word, in a list of names (`| Ubuntu, Snap, SUSE |`); a person.
    'Ubuntu',
    'Marcos Silvestrini',
  ],
  'public-apis.md': [
    'Nager.Date',
    'OCR.Space',
    'GitHub',
    'REST API',
    'Ethereum',
    'Serpstack',
    'Microsoft',
    'James Clear',
    'Harry Potter',
  ],
  'awesome.md': ['Node.js', 'Markdown'],
  'best-readme-template.md': ['GitHub', 'npm', 'README', "Malven's", 'Img Shields', 'React Icons'],
};

/**
 * Capitalised words of each corpus file that are no names and must be translated: a name followed
 * by common words of a title or a description, a format before what it describes, ALL-CAPS prose.
 */
export const expectedTranslated: Readonly<Record<string, readonly string[]>> = {
  'lpic-305-300.md': [
    'GNU Packages',
    'GNU Globbing',
    'Red Hat Site',
    'Packer Getting Started',
    'TABLE OF CONTENT',
    // One-word cells and headings the code runs as English commands (`yes`, `type`).
    'Yes',
    'Type',
  ],
  'public-apis.md': [
    'HTTP Version',
    'Ethereum Prices',
    'Jiffier GIFs',
    // A known name that is an English word, written more often in lower case (`text`).
    'Translate Text',
    'Text Analytics',
  ],
};
